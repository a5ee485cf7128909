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
         * Takes the store's append lock until the transaction ends and returns the store head.
         * Appends that hold it run one at a time, across every node of the hub, so global
         * positions and bucket offsets are handed out, and become visible, in commit order.
         */
        Head lockHead();

        /** The current state of those of {@code streams} that have events. */
        Map<String, StreamState> streams(Collection<String> streams);

        /**
         * Which of {@code events} are already stored, by id, and whether each stored one has the
         * same type, data and metadata as the proposed one (JSON compared by value).
         */
        Map<UUID, StoredEvent> stored(Collection<NewEvent> events);

        /** The current head offset of each of {@code buckets}. */
        Map<Integer, Long> bucketHeads(Collection<Integer> buckets);

        /** Stores the events and moves the stream, bucket and store heads past them. */
        void write(List<RecordedEvent> events, List<StreamState> streams, Map<Integer, Long> bucketHeads,
                long globalHead);
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
