package io.kapivara.hub.store;

/** The hub's bucket count, as fixed in its database at the first start. */
public record BucketCount(int count) {
}
