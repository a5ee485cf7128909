package io.kapivara.hub.store;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An event as a producer proposes it, before the store gives it a place. */
public record NewEvent(UUID id, String type, JsonText data, @Nullable JsonText metadata) {

    public NewEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }
}
