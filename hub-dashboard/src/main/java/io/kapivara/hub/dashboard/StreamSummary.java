package io.kapivara.hub.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * A stream as the stream search lists it.
 *
 * @param version      the version of its last event: it holds {@code version + 1} events
 * @param partitionKey the key that chose its bucket, when it is not the stream name
 */
public record StreamSummary(String stream, long version, int bucket, @Nullable String partitionKey) {
}
