package io.kapivara.hub.tail;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.store.RecordedEvent;
import io.kapivara.hub.store.StoreLimits;

/**
 * Which events one tail shows: of one stream, one type and one bucket, each when given.
 */
record TailFilter(@Nullable String stream, @Nullable String type, @Nullable Integer bucket) {

    static final TailFilter ALL = new TailFilter(null, null, null);

    /**
     * Reads a filter from the parameters {@code stream}, {@code type} and {@code bucket}; empty
     * ones are left out.
     *
     * @throws InvalidRequestException when a name breaks the naming rules or the bucket does not exist
     */
    static TailFilter of(Map<String, String> parameters, StoreLimits limits, int buckets) {
        String stream = given(parameters.get("stream"));
        String type = given(parameters.get("type"));
        String bucket = given(parameters.get("bucket"));
        if (stream != null) {
            limits.checkStreamName(stream);
        }
        if (type != null) {
            limits.checkName("type", type);
        }
        return new TailFilter(stream, type, bucket == null ? null : bucket(bucket, buckets));
    }

    boolean matches(RecordedEvent event) {
        return (stream == null || stream.equals(event.stream()))
                && (type == null || type.equals(event.type()))
                && (bucket == null || bucket == event.bucket());
    }

    /** The filter in words, for the browser's status line; empty for every event. */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (stream != null) {
            text.append("stream ").append(stream);
        }
        if (type != null) {
            text.append(text.isEmpty() ? "" : ", ").append("type ").append(type);
        }
        if (bucket != null) {
            text.append(text.isEmpty() ? "" : ", ").append("bucket ").append(bucket);
        }
        return text.toString();
    }

    private static int bucket(String text, int buckets) {
        if (!text.matches("\\d{1,9}") || Integer.parseInt(text) >= buckets) {
            throw new InvalidRequestException("bucket", text, "A bucket is a whole number, 0 to " + (buckets - 1));
        }
        return Integer.parseInt(text);
    }

    private static @Nullable String given(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
