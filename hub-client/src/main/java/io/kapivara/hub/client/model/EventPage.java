package io.kapivara.hub.client.model;

import java.util.List;

/**
 * A page of the whole store in global order.
 *
 * @param next the {@code after} of the following page; equal to the request's when nothing new
 */
public record EventPage(List<RecordedEvent> events, long next) {

    public EventPage {
        events = List.copyOf(events);
    }
}
