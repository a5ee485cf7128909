package io.kapivara.hub.bus;

import java.util.List;

/**
 * What a fetch needs before it reads events, read at once.
 *
 * @param filter     the owner's filter
 * @param paused     whether the owner is paused
 * @param subscribed whether the key is one of the owner's subscriptions, live or expired
 * @param held       the buckets the key holds with a lease valid on the database clock, by bucket
 */
public record FetchStart(EventFilter filter, boolean paused, boolean subscribed, List<Held> held) {

    public FetchStart {
        held = List.copyOf(held);
    }

    /** A bucket held by the fetching key: the lease's epoch, the owner's checkpoint, the bucket's head. */
    public record Held(int bucket, long epoch, long checkpoint, long head) {
    }
}
