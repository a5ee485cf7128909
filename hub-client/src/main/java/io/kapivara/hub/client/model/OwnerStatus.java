package io.kapivara.hub.client.model;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An owner with its place in every bucket ({@code GET /api/owners/{owner}}).
 *
 * @param lag        events stored and not yet committed, over all buckets
 * @param lagSeconds the age of the oldest uncommitted event, in seconds; 0 when there is none
 */
public record OwnerStatus(String owner, String startFrom, Filter filter, boolean paused, Instant createdAt, long lag,
        double lagSeconds, List<BucketStatus> buckets, List<SubscriptionStatus> subscriptions) {

    public OwnerStatus {
        buckets = List.copyOf(buckets);
        subscriptions = List.copyOf(subscriptions);
    }

    /**
     * An owner's place in one bucket.
     *
     * @param checkpoint      the committed offset; 0 when nothing is committed
     * @param lag             {@code head - checkpoint}: exact, since offsets have no gaps
     * @param holder          the subscription key holding a valid lease, or null
     * @param oldestPendingAt when the first uncommitted event was recorded, or null when none
     * @param lagSeconds      its age in seconds; 0 when none
     * @param pinned          whether an operator assigned the bucket (balancing leaves it)
     */
    public record BucketStatus(int bucket, long head, long checkpoint, long lag, @Nullable String holder, long epoch,
            @Nullable Instant leaseExpiresAt, boolean pinned, @Nullable Instant oldestPendingAt, double lagSeconds) {
    }

    /** A running node of the owner and the buckets it holds. */
    public record SubscriptionStatus(String key, boolean live, Instant expiresAt, Instant createdAt,
            List<Integer> buckets) {

        public SubscriptionStatus {
            buckets = List.copyOf(buckets);
        }
    }
}
