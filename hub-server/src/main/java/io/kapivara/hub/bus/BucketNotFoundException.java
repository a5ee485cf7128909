package io.kapivara.hub.bus;

import io.kapivara.hub.shared.NotFoundException;

/** A request naming a bucket outside 0 to count - 1. */
public final class BucketNotFoundException extends NotFoundException {

    private final int bucket;
    private final int count;

    public BucketNotFoundException(int bucket, int count) {
        super("A bucket is 0 to %d: bucket [%d]".formatted(count - 1, bucket));
        this.bucket = bucket;
        this.count = count;
    }

    public int bucket() {
        return bucket;
    }

    public int count() {
        return count;
    }
}
