package io.kapivara.hub.bus;

import java.util.List;
import java.util.Map;

import io.kapivara.hub.store.RecordedEvent;

/** The port that reads events by bucket and offset. */
public interface BucketReader {

    /** Events of one bucket with offsets from {@code from} upward, in offset order. */
    List<RecordedEvent> read(int bucket, long from, int limit);

    /**
     * For each bucket, the events after its given offset, at most {@code perBucket} of each, in
     * offset order within a bucket.
     */
    Map<Integer, List<RecordedEvent>> readAfter(Map<Integer, Long> after, int perBucket);

    /** A stream's events in one bucket after offset {@code after}, in version order. */
    List<RecordedEvent> readStreamAfter(String stream, long after, int limit);
}
