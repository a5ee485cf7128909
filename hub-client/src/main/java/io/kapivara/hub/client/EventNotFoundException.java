package io.kapivara.hub.client;

import java.util.UUID;

import io.kapivara.hub.client.model.ProblemTypes;

/** A read of an event id that the store does not hold (404, {@value ProblemTypes#EVENT_NOT_FOUND}). */
public final class EventNotFoundException extends HubRequestException {

    private final UUID id;

    EventNotFoundException(Problem problem) {
        super(problem);
        this.id = problem.uuid("id");
    }

    public UUID id() {
        return id;
    }
}
