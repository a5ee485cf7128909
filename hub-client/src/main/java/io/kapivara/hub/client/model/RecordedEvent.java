package io.kapivara.hub.client.model;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event as the store holds it.
 *
 * @param version        0-based position inside its stream
 * @param globalPosition position in the whole store, growing in commit order
 * @param offset         position inside its bucket: 1, 2, 3, … without gaps
 * @param recordedAt     the database clock at the append, UTC
 */
public record RecordedEvent(
        UUID id,
        String stream,
        String type,
        JsonNode data,
        @Nullable JsonNode metadata,
        long version,
        long globalPosition,
        int bucket,
        long offset,
        Instant recordedAt) {
}
