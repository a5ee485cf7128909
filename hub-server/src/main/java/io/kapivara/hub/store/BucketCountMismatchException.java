package io.kapivara.hub.store;

/** A start asking for another bucket count than the hub was created with. */
public final class BucketCountMismatchException extends IllegalStateException {

    public BucketCountMismatchException(int stored, int requested) {
        super(("The bucket count is fixed at the first start: this hub has [%d] buckets, the setting hub.buckets "
                + "asks for [%d]. Remove the setting or set it to %d.").formatted(stored, requested, stored));
    }
}
