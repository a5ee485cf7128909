package io.kapivara.hub.dashboard.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.kapivara.hub.dashboard.LagHistory;
import io.kapivara.hub.dashboard.MinuteCount;

/**
 * The numbers of one chart, as the page's chart script reads them from data attributes: times in
 * epoch seconds, values comma-separated; {@code y2} is a second series on its own axis, or empty.
 */
public record Chart(String x, String y, String y2) {

    /** Events per minute. */
    static Chart appendRate(List<MinuteCount> minutes) {
        return new Chart(join(minutes.stream().map(minute -> minute.minute().getEpochSecond())),
                join(minutes.stream().map(MinuteCount::events)), "");
    }

    /** An owner's lag in events and, on the second axis, the age of its oldest pending event. */
    static Chart lag(LagHistory history) {
        List<LagHistory.Sample> samples = history.samples();
        return new Chart(join(samples.stream().map(sample -> seconds(sample.at()))),
                join(samples.stream().map(LagHistory.Sample::lag)),
                join(samples.stream().map(sample -> String.format(Locale.ROOT, "%.1f", sample.lagSeconds()))));
    }

    // Samples may come faster than one a second: keep the milliseconds.
    private static String seconds(Instant at) {
        return String.format(Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0);
    }

    private static String join(java.util.stream.Stream<?> values) {
        return values.map(String::valueOf).collect(Collectors.joining(","));
    }
}
