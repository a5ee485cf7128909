package io.kapivara.hub.client.consumer;

/**
 * How far a bucket's worker got under one lease.
 *
 * @param offset the offset up to which every event was handled or left out by the owner's filter;
 *               -1 before the first
 * @param events how many events it handled so far
 */
record Progress(int bucket, long epoch, long offset, long events) {
}
