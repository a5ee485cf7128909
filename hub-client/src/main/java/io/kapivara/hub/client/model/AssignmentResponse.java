package io.kapivara.hub.client.model;

import java.time.Instant;
import java.util.List;

/**
 * What a subscription holds, as subscribe and heartbeat answer.
 *
 * @param heartbeatMs how often to heartbeat to keep the leases
 */
public record AssignmentResponse(String key, List<LeaseGrant> buckets, long heartbeatMs) {

    public AssignmentResponse {
        buckets = List.copyOf(buckets);
    }

    /** One bucket's lease: valid for this key, with this epoch, until {@code expiresAt}. */
    public record LeaseGrant(int bucket, long epoch, Instant expiresAt) {
    }
}
