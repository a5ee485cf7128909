package io.kapivara.hub.bus;

import java.time.Duration;

/**
 * @param leaseTtl        how long a lease lasts without a heartbeat
 * @param maxWait         the longest a fetch may wait for events
 * @param maxFetchLimit   the most events one fetch returns
 * @param maxWaitingPolls the most fetches one node lets wait at once; more are refused as unavailable
 */
public record BusSettings(Duration leaseTtl, Duration maxWait, int maxFetchLimit, int maxWaitingPolls) {

    /** A third of the lease: two heartbeats may fail before a lease expires. */
    public Duration heartbeat() {
        return leaseTtl.dividedBy(3);
    }
}
