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
}
