package io.kapivara.hub.dashboard.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.SeekRequest;
import io.kapivara.hub.dashboard.RefusedException;

/** Reads the fields of the operator forms, refusing what is malformed with a message for the page. */
final class ActionInput {

    private ActionInput() {
    }

    /** A bucket number, given as text. */
    static int bucket(String text) {
        String value = text.strip();
        if (!value.matches("\\d{1,9}")) {
            throw invalid("A bucket is a whole number, 0 or more: [%s]", text);
        }
        return Integer.parseInt(value);
    }

    /** A bucket number, or null for every bucket when the field is empty or says {@code all}. */
    static @Nullable Integer bucketOrAll(String text) {
        String value = text.strip();
        return value.isEmpty() || value.equalsIgnoreCase("all") ? null : bucket(value);
    }

    /** A subscription key, which must be given. */
    static String key(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw invalid("Name the subscription (its key): [%s]", text);
        }
        return value;
    }

    /**
     * Where a seek goes: {@code to} is earliest, latest, offset or time; {@code value} is the offset
     * (a whole number) or the time (ISO-8601; without a zone it is taken as UTC).
     */
    static SeekRequest seek(String to, String value) {
        return switch (to) {
            case "earliest", "latest" -> new SeekRequest(to);
            case "offset" -> new SeekRequest(offset(value.strip()));
            case "time" -> new SeekRequest(time(value.strip()).toString());
            default -> throw invalid("A seek goes to earliest, latest, an offset or a time: [%s]", to);
        };
    }

    private static long offset(String value) {
        if (!value.matches("\\d+")) {
            throw invalid("An offset is a whole number, 0 or more: [%s]", value);
        }
        if (value.length() > 18) {
            throw invalid("An offset is at most the bucket's head, far below this: [%s]", value);
        }
        return Long.parseLong(value);
    }

    private static Instant time(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw invalid("A time is ISO-8601, such as 2026-01-31T12:00:00Z: [%s]", value);
            }
        }
    }

    private static RefusedException invalid(String rule, String value) {
        String shown = value.length() <= 80 ? value : value.substring(0, 77) + "...";
        return new RefusedException(RefusedException.Reason.INVALID, rule.formatted(shown));
    }
}
