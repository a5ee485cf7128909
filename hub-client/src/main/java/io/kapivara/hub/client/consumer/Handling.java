package io.kapivara.hub.client.consumer;

/**
 * What every bucket worker of one node shares: whose events they handle, how, and whom to tell.
 *
 * @param maxAttempts how often an event is handed to the handler before its bucket stops
 * @param wake        wakes the coordinator, which may wait for workers to make room or progress
 */
record Handling(String owner, String key, EventHandler handler, int maxAttempts, Backoff backoff,
        ConsumerListener listener, Runnable wake) {
}
