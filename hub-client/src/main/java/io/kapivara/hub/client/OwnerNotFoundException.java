package io.kapivara.hub.client;

import io.kapivara.hub.client.model.ProblemTypes;

/** A request naming an owner the hub does not know ({@value ProblemTypes#OWNER_NOT_FOUND}). */
public final class OwnerNotFoundException extends HubRequestException {

    private final String owner;

    OwnerNotFoundException(Problem problem) {
        super(problem);
        this.owner = problem.text("owner");
    }

    public String owner() {
        return owner;
    }
}
