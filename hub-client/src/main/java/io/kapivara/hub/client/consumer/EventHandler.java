package io.kapivara.hub.client.consumer;

import io.kapivara.hub.client.model.FetchedEvent;

/**
 * What an application does with each event of its owner.
 *
 * <p>The runtime calls a handler for one bucket at a time, in offset order, so events of one
 * stream arrive in their stream order; events of different buckets may be handled at the same
 * time on different threads, so a handler shared by buckets must be thread-safe.
 *
 * <p>Delivery is at least once: after a crash, a lost lease or a failed commit, an event may be
 * handed again, here or on another node. Make the effect idempotent, for example by recording
 * {@link FetchedEvent#id()} with the effect in one transaction and skipping ids already recorded.
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles one event. Returning normally marks the event handled; its offset is committed
     * later, in a batch.
     *
     * @throws Exception when the event could not be handled: the runtime calls the handler again
     *                   with the same event after a backoff, up to its configured number of
     *                   attempts, and then stops the event's bucket without skipping the event
     */
    void handle(FetchedEvent event) throws Exception;
}
