package io.kapivara.hub.client.consumer;

import java.time.Duration;

import io.kapivara.hub.client.HubClientException;

/**
 * Hears what happens to a {@link HubConsumer}'s buckets and its calls to the hub: for metrics,
 * alerts or tests. Every method does nothing unless overridden. Methods are called from the
 * runtime's own threads, possibly at the same time, so they must be thread-safe and return
 * quickly; an exception thrown by one is logged and otherwise ignored.
 */
public interface ConsumerListener {

    /** A listener that does nothing. */
    ConsumerListener NONE = new ConsumerListener() {
    };

    /**
     * The node holds a bucket under a new lease and starts handing its events to the handler,
     * from the owner's checkpoint in it.
     */
    default void bucketAssigned(int bucket, long epoch) {
    }

    /**
     * The node no longer holds a bucket under {@code epoch}: its lease moved, lapsed, or an
     * operator seeks it. No further event of that lease is handed to the handler, and nothing
     * more is committed under it; an event being handled at that moment completes, uncommitted.
     */
    default void bucketRevoked(int bucket, long epoch) {
    }

    /**
     * The handler failed on an event as often as allowed, so the bucket stopped: the node keeps
     * its lease but hands none of its events to the handler until the lease changes (an operator
     * seek, a reassignment) or the node restarts. Also logged at error.
     */
    default void bucketFailed(HandlerFailure failure) {
    }

    /**
     * A call to the hub failed in a way that may heal (the hub out of reach, overloaded, or
     * answering an unexpected error); the runtime calls again after {@code retryIn}. Also logged
     * at warn.
     *
     * @param operation what was being done: {@code subscribe}, {@code heartbeat}, {@code fetch},
     *                  {@code commit} or {@code owner}
     */
    default void transientFailure(String operation, HubClientException failure, Duration retryIn) {
    }
}
