package io.kapivara.hub.bus;

import java.time.Duration;
import java.util.List;

/**
 * What a subscription holds now.
 *
 * @param heartbeat how often the subscription should heartbeat to keep its leases
 */
public record Assignment(String owner, String key, List<Lease> buckets, Duration heartbeat) {

    public Assignment {
        buckets = List.copyOf(buckets);
    }
}
