package io.kapivara.hub.client.model;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event handed to a subscription: the stored event with the epoch of the lease it was read
 * under, which a commit of its offset must name.
 */
public record FetchedEvent(
        UUID id,
        String stream,
        String type,
        JsonNode data,
        @Nullable JsonNode metadata,
        long version,
        long globalPosition,
        int bucket,
        long offset,
        Instant recordedAt,
        long epoch) {
}
