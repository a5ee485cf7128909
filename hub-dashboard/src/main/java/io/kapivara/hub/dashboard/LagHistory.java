package io.kapivara.hub.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An owner's lag over time, as one node sampled it: kept in that node's memory only, lost at a
 * restart, and different from node to node.
 *
 * @param interval how often a sample is taken
 * @param capacity the most samples kept; older ones are dropped
 * @param samples  oldest first
 */
public record LagHistory(Duration interval, int capacity, List<Sample> samples) {

    public LagHistory {
        samples = List.copyOf(samples);
    }

    /**
     * @param lag        events stored and not committed, over all buckets
     * @param lagSeconds age of the oldest uncommitted event, in seconds
     */
    public record Sample(Instant at, long lag, double lagSeconds) {
    }
}
