package io.kapivara.hub.store;

import java.util.UUID;

import io.kapivara.hub.shared.NotFoundException;

/** A read of an event id that is not stored. */
public final class EventNotFoundException extends NotFoundException {

    private final UUID id;

    public EventNotFoundException(UUID id) {
        super("Event [%s] is not stored".formatted(id));
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
