package io.kapivara.hub.client.model;

/**
 * One bucket's new checkpoint: the offset of the last event handled, with the epoch of the lease
 * it was read under. {@code POST …/subscriptions/{key}/commits} takes a JSON array of these.
 */
public record Commit(int bucket, long offset, long epoch) {
}
