package io.kapivara.hub.store;

import org.jspecify.annotations.Nullable;

/** The port that fixes the bucket count of a hub at its first start. */
public interface BucketLayout {

    /**
     * Returns the hub's bucket count. At the first start it stores {@code requested} (or
     * {@code defaultCount} when none is requested) and creates the buckets.
     *
     * @throws BucketCountMismatchException when the hub already has another count than requested
     */
    int establish(@Nullable Integer requested, int defaultCount);
}
