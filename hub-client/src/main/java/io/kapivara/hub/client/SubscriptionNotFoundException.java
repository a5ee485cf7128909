package io.kapivara.hub.client;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * A request naming a subscription that left, was evicted after missing its heartbeats, or never
 * subscribed ({@value ProblemTypes#SUBSCRIPTION_NOT_FOUND}). Subscribe again.
 */
public final class SubscriptionNotFoundException extends HubRequestException {

    private final String owner;
    private final String key;

    SubscriptionNotFoundException(Problem problem) {
        super(problem);
        this.owner = problem.text("owner");
        this.key = problem.text("key");
    }

    public String owner() {
        return owner;
    }

    /** The subscription's key. */
    public String key() {
        return key;
    }
}
