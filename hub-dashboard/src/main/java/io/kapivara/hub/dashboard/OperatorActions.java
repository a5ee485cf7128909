package io.kapivara.hub.dashboard;

import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.SeekRequest;

/**
 * What an operator does to an owner from the dashboard. Each action is written to the hub's audit
 * log with {@code actor}, in the same transaction as the change, and a change of holder or
 * position starts a new epoch, so the previous holder's commits are refused.
 *
 * <p>Every method throws {@link RefusedException} when the hub refuses: an owner, bucket or
 * subscription it does not know, an offset beyond the head, a malformed value.
 */
public interface OperatorActions {

    /** Gives the bucket to the live subscription {@code key} and pins it there. */
    BucketCheckpoint assign(String owner, int bucket, String key, String actor);

    /** Takes the bucket from its holder; balancing gives it to a live subscription. */
    BucketCheckpoint release(String owner, int bucket, String actor);

    /**
     * Moves one bucket's checkpoint.
     *
     * @param to {@code "earliest"}, {@code "latest"}, an offset as a {@link Long}, or an ISO-8601 time as a string
     */
    BucketCheckpoint seek(String owner, int bucket, SeekRequest to, String actor);

    /** Moves every bucket's checkpoint; {@code to} as for {@link #seek}. */
    OwnerStatus seekAll(String owner, SeekRequest to, String actor);

    /** Ends the subscription; its buckets go to the others. */
    void evict(String owner, String key, String actor);

    /** Stops ({@code true}) or restarts handing out events to the owner's subscriptions. */
    OwnerStatus setPaused(String owner, boolean paused, String actor);
}
