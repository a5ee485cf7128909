package io.kapivara.hub.bus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * What membership changes, commits and operator actions read and write.
     *
     * <p>Lock order: a transaction that changes an owner's checkpoint rows other than by
     * {@link #commit} first calls {@link #lockOwner}, which takes the owner's row and then all its
     * checkpoint rows in bucket order; {@link #commit} takes only the rows it names, in bucket
     * order, and nothing else. Every transaction thus takes these locks in one order, so none
     * waits in a cycle with another (PostgreSQL would break it by failing one of them).
     */
    interface Transaction extends Reads {

        /**
         * Locks the owner, then every checkpoint row of the owner in bucket order, until the
         * transaction ends; every membership change and operator action of one owner runs under
         * this lock, one at a time. A commit that holds some of those rows is waited for.
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

        /**
         * Grants each bucket to its new holder (null: none) with a new epoch and the holder's
         * expiry. The caller holds {@link #lockOwner}, as for {@link #renewLeases} and {@link #seek}.
         */
        void grant(String owner, Map<Integer, @Nullable String> holders, boolean pinned);

        /** Moves the lease expiry of every bucket {@code key} validly holds to {@code expiresAt}. */
        void renewLeases(String owner, String key, Instant expiresAt);

        /** Sets a checkpoint by operator (it may move backwards) and starts a new epoch. */
        void seek(String owner, int bucket, long checkpoint);

        /**
         * Moves the checkpoint of each bucket named to its offset, in one statement, where
         * {@code key} holds the bucket with the epoch named, the lease has not expired, and the
         * offset is neither behind the checkpoint nor beyond the head. Buckets refused are left as
         * they are: to commit all or none, the caller rolls back unless every bucket moved.
         *
         * @param commits each bucket once
         * @return the buckets that moved (or stood at their offset already)
         */
        Set<Integer> commit(String owner, String key, List<CommitService.Commit> commits);

        void audit(String action, String owner, String target, Map<String, Object> before, Map<String, Object> after,
                @Nullable String actor);
    }

    /** Reads that need no lock. */
    interface Reads {

        Optional<Owner> owner(String owner);

        /**
         * In one read, what a fetch of {@code key} starts from: the owner's filter and pause,
         * whether the key is subscribed, and the buckets it holds with a valid lease; empty when
         * the owner does not exist.
         */
        Optional<FetchStart> fetchStart(String owner, String key);

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
