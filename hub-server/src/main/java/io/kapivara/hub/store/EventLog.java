package io.kapivara.hub.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The write port of the store: where appends take their places. An adapter implements it over a
 * database that gives the transactions described here.
 */
public interface EventLog {

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it
     * throws. Nothing it writes is visible to readers before the commit.
     */
    <T> T inTransaction(Function<Transaction, T> work);

    /** What one append transaction may read and write. */
    interface Transaction {

        /**
         * Takes the store's append lock until the transaction ends, then reads what a group of
         * appends needs, as it stands once the lock is granted. Appends that hold the lock run one
         * at a time, across every node of the hub, so global positions and bucket offsets are
         * handed out, and become visible, in commit order.
         *
         * @param streams    the streams the group appends to
         * @param events     the events it proposes, to find those already stored by id
         * @param newBuckets the buckets that new streams of the group would go to; the head of
         *                   each of them, and of the bucket of every named stream that exists, is read
         */
        GroupState lockAndRead(Collection<String> streams, Collection<NewEvent> events, Collection<Integer> newBuckets);

        /** Stores the events and moves the stream, bucket and store heads past them. */
        void write(List<RecordedEvent> events, List<StreamState> streams, Map<Integer, Long> bucketHeads,
                long globalHead);
    }

    /**
     * The store as a group of appends finds it under the append lock.
     *
     * @param head        the store head and the database clock
     * @param streams     the state of those named streams that have events
     * @param stored      those proposed events already stored, by id, each compared with its proposal
     * @param bucketHeads the head offset of every bucket the group may append to
     */
    record GroupState(Head head, Map<String, StreamState> streams, Map<UUID, StoredEvent> stored,
            Map<Integer, Long> bucketHeads) {
    }

    /** The last global position handed out, and the database clock when the lock was taken. */
    record Head(long globalPosition, Instant now) {
    }

    /** A stream's place: its current version and the bucket its partition key chose. */
    record StreamState(String stream, long version, int bucket, @Nullable String partitionKey) {
    }

    /** An event already stored under an id that an append proposes again. */
    record StoredEvent(UUID id, String stream, boolean sameContent, long version, long globalPosition, int bucket,
            long offset) {
    }
}
