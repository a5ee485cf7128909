package io.kapivara.hub.client.consumer;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import tools.jackson.databind.node.JsonNodeFactory;

import io.kapivara.hub.client.model.FetchedEvent;

/** Fetched events and waiting, for the runtime's unit tests. */
final class Events {

    private Events() {
    }

    static FetchedEvent event(int bucket, long offset, long epoch) {
        return new FetchedEvent(UUID.randomUUID(), "stream-" + bucket, "thing.happened",
                JsonNodeFactory.instance.numberNode(offset), null, offset, offset, bucket, offset, Instant.now(),
                epoch);
    }

    /** Waits up to 5 seconds for the condition; false when it did not come. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
