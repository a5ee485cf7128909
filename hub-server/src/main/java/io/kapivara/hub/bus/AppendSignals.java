package io.kapivara.hub.bus;

import java.time.Duration;
import java.util.Map;

/**
 * Tells a waiting fetch that a bucket moved, whichever node took the append. Waiting holds no
 * database connection.
 */
public interface AppendSignals {

    /**
     * Waits until one of the buckets has a head beyond the given offset, or the timeout passes.
     *
     * @param positions per bucket, the offset the caller has read up to
     * @return whether a bucket moved before the timeout
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean awaitBeyond(Map<Integer, Long> positions, Duration timeout) throws InterruptedException;

    /**
     * A count that grows, on every node, once an owner was paused, resumed or refiltered, a
     * subscription ended or a bucket changed holder or was sought, on any node; a fetch that
     * wakes to the same count as before its wait may go on under what it read then. It grows
     * before the appends committed after such a change wake anyone.
     */
    long changes();
}
