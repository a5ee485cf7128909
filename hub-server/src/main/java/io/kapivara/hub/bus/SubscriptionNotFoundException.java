package io.kapivara.hub.bus;

import io.kapivara.hub.shared.NotFoundException;

/** A request naming a subscription that left, was evicted, or never subscribed. Subscribe again. */
public final class SubscriptionNotFoundException extends NotFoundException {

    private final String owner;
    private final String key;

    public SubscriptionNotFoundException(String owner, String key) {
        super("Subscription [%s] of owner [%s] does not exist; subscribe again".formatted(key, owner));
        this.owner = owner;
        this.key = key;
    }

    public String owner() {
        return owner;
    }

    public String key() {
        return key;
    }
}
