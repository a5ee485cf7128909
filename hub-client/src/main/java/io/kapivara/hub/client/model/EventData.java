package io.kapivara.hub.client.model;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An event to append.
 *
 * @param id       its id; give one so that a retried append is recognised as the same, else the
 *                 server makes one
 * @param type     what happened, for example {@code order.placed}
 * @param data     any JSON value
 * @param metadata a JSON object, or null
 */
public record EventData(@Nullable UUID id, String type, JsonNode data, @Nullable JsonNode metadata) {

    public EventData {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
