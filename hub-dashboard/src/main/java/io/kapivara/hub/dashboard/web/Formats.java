package io.kapivara.hub.dashboard.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Numbers, times and durations as the pages show them, for templates ({@code ${@formats...}}).
 * Times are UTC, durations in the largest two units that matter.
 */
public final class Formats {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Clock clock;

    public Formats(Clock clock) {
        this.clock = clock;
    }

    /** {@code 12,345}. */
    public String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 950}, {@code 12.3k}, {@code 4.5M}: short enough for a heat map cell. */
    public String compact(long value) {
        if (value < 1_000) {
            return Long.toString(value);
        }
        if (value < 1_000_000) {
            return String.format(Locale.ROOT, value < 10_000 ? "%.1fk" : "%.0fk", value / 1_000.0);
        }
        return String.format(Locale.ROOT, value < 10_000_000 ? "%.1fM" : "%.0fM", value / 1_000_000.0);
    }

    /** {@code 2026-01-31 12:00:03 UTC}, or a dash. */
    public String time(@Nullable Instant at) {
        return at == null ? "—" : TIME.format(at) + " UTC";
    }

    /** The ISO-8601 form, for {@code <time datetime>}. */
    public String iso(@Nullable Instant at) {
        return at == null ? "" : at.toString();
    }

    /** {@code 12 s ago}, or {@code never}. */
    public String ago(@Nullable Instant at) {
        if (at == null) {
            return "never";
        }
        Duration since = Duration.between(at, clock.instant());
        return since.isNegative() ? "just now" : duration(since) + " ago";
    }

    /** {@code in 8 s} for a time ahead, {@code 3 s ago} for one past, or a dash. */
    public String until(@Nullable Instant at) {
        if (at == null) {
            return "—";
        }
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? duration(left.negated()) + " ago" : "in " + duration(left);
    }

    /** A number of seconds as a duration: {@code 0 s}, {@code 4.2 s}, {@code 3 min 12 s}. */
    public String seconds(double seconds) {
        if (seconds < 10) {
            return seconds == 0 ? "0 s" : String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return duration(Duration.ofMillis((long) (seconds * 1000)));
    }

    /** {@code 500 ms}, {@code 42 s}, {@code 3 min 12 s}, {@code 2 h 5 min}, {@code 3 d 4 h}. */
    public String duration(Duration duration) {
        if (duration.toMillis() < 1_000) {
            return duration.toMillis() + " ms";
        }
        long s = duration.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3_600) {
            return pair(s / 60, "min", s % 60, "s");
        }
        if (s < 86_400) {
            return pair(s / 3_600, "h", s % 3_600 / 60, "min");
        }
        return pair(s / 86_400, "d", s % 86_400 / 3_600, "h");
    }

    /** An audit entry's state as {@code key=value} pairs. */
    public String values(@Nullable Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return "—";
        }
        return values.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The CSS class of a lag in the heat map: {@code lag-0} (none) to {@code lag-5} (10,000 and more). */
    public String lagLevel(long lag) {
        if (lag <= 0) {
            return "lag-0";
        }
        int digits = Long.toString(lag).length();
        return "lag-" + Math.min(digits, 5);
    }

    private static String pair(long big, String bigUnit, long small, String smallUnit) {
        return small == 0 ? big + " " + bigUnit : big + " " + bigUnit + " " + small + " " + smallUnit;
    }
}
