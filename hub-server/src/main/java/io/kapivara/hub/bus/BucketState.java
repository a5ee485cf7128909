package io.kapivara.hub.bus;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One owner's place in one bucket.
 *
 * @param checkpoint     the committed offset; 0 when nothing is committed
 * @param head           the bucket's last offset
 * @param holder         the key of the subscription that holds the lease, when one does
 * @param leaseValid     whether the lease is held and not expired, on the database clock
 * @param pinned         whether an operator assigned the bucket, so that balancing leaves it
 * @param oldestPending  when the first event after the checkpoint was recorded, if there is one
 */
public record BucketState(
        int bucket,
        long checkpoint,
        long head,
        @Nullable String holder,
        long epoch,
        @Nullable Instant leaseExpiresAt,
        boolean leaseValid,
        boolean pinned,
        @Nullable Instant oldestPending) {

    /** Events stored in the bucket and not yet committed: exact, since offsets have no gaps. */
    public long lag() {
        return Math.max(0, head - checkpoint);
    }

    /** The holder, when its lease is valid. */
    public @Nullable String validHolder() {
        return leaseValid ? holder : null;
    }
}
