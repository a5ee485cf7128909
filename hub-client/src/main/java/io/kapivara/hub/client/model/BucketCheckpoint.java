package io.kapivara.hub.client.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An owner's place in one bucket ({@code GET /api/owners/{owner}/buckets/{bucket}}), with the last
 * event it committed there.
 *
 * @param event the event at the checkpoint; null when nothing is committed
 */
public record BucketCheckpoint(String owner, int bucket, long checkpoint, long head, long lag,
        @Nullable String holder, long epoch, @Nullable Instant leaseExpiresAt, boolean pinned,
        @Nullable RecordedEvent event) {
}
