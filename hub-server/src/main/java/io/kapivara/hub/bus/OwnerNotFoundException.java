package io.kapivara.hub.bus;

import io.kapivara.hub.shared.NotFoundException;

/** A request naming an owner the hub does not know. */
public final class OwnerNotFoundException extends NotFoundException {

    private final String owner;

    public OwnerNotFoundException(String owner) {
        super("Owner [%s] does not exist".formatted(owner));
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }
}
