package io.kapivara.hub.client.model;

import java.util.List;

/**
 * A page of one bucket's events in offset order.
 *
 * @param next the {@code from} of the following page
 */
public record BucketEvents(int bucket, long head, List<RecordedEvent> events, long next) {

    public BucketEvents {
        events = List.copyOf(events);
    }
}
