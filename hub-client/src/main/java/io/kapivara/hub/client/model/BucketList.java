package io.kapivara.hub.client.model;

import java.util.List;

/** The answer of {@code GET /api/buckets}: every bucket with its head offset. */
public record BucketList(int count, List<Bucket> buckets) {

    public BucketList {
        buckets = List.copyOf(buckets);
    }

    /** A bucket and its last offset (0 when empty). */
    public record Bucket(int bucket, long head) {
    }
}
