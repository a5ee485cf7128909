package io.kapivara.hub.bus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The port to where owners, subscriptions, checkpoints, leases and the audit log are kept. Times
 * are the database's clock: leases expire by it alone, whatever the nodes' clocks say.
 */
public interface BusStore {

    /** Runs {@code work} in one transaction, committed when it returns, rolled back when it throws. */
    <T> T inTransaction(Function<Transaction, T> work);

    /** Reads outside any transaction, for queries. */
    Reads reads();

    /** What membership changes, commits and operator actions read and write. */
    interface Transaction extends Reads {

        /**
         * Locks the owner until the transaction ends; every membership change and operator action
         * of one owner runs under this lock, one at a time.
         */
        Optional<Owner> lockOwner(String owner);

        /**
         * Creates the owner unless it exists, with a checkpoint per bucket at 0 ({@code earliest})
         * or at the bucket's head ({@code latest}), and locks it.
         */
        Owner createOwner(String owner, StartFrom startFrom, EventFilter filter);

        void updateFilter(String owner, EventFilter filter);

        void setPaused(String owner, boolean paused);

        /** Creates or renews a subscription; returns its new expiry. */
        Instant renewSubscription(String owner, String key, Duration ttl);

        void deleteSubscription(String owner, String key);

        /** Grants each bucket to its new holder (null: none) with a new epoch and the holder's expiry. */
        void grant(String owner, Map<Integer, @Nullable String> holders, boolean pinned);

        /** Moves the lease expiry of every bucket {@code key} validly holds to {@code expiresAt}. */
        void renewLeases(String owner, String key, Instant expiresAt);

        /** Sets a checkpoint by operator (it may move backwards) and starts a new epoch. */
        void seek(String owner, int bucket, long checkpoint);

        /**
         * Moves the checkpoint to {@code offset} if {@code key} holds the bucket with {@code epoch},
         * the lease has not expired, the offset is not behind the checkpoint and not beyond the head.
         *
         * @return whether it moved (or stood at {@code offset} already)
         */
        boolean commit(String owner, String key, int bucket, long epoch, long offset);

        void audit(String action, String owner, String target, Map<String, Object> before, Map<String, Object> after,
                @Nullable String actor);
    }

    /** Reads that need no lock. */
    interface Reads {

        Optional<Owner> owner(String owner);

        List<Owner> owners();

        /** The owner's subscriptions, live or expired, by key. */
        List<Subscription> subscriptions(String owner);

        /** The owner's place in every bucket, by bucket. */
        List<BucketState> buckets(String owner);

        Optional<BucketState> bucket(String owner, int bucket);

        /** The offset of the last event recorded before {@code time} in a bucket; 0 when none. */
        long offsetBefore(int bucket, Instant time);

        /** Each bucket's head offset, by bucket. */
        List<Long> heads();

        /** The newest entries of the audit log first, before id {@code before} (exclusive). */
        List<AuditEntry> audit(@Nullable String owner, long before, int limit);
    }
}
