package io.kapivara.hub.client.model;

import java.util.List;

/**
 * A page of events: of the whole store in global order, or of an owner's view of one stream.
 *
 * @param next the {@code after} of the following page (a global position for the whole store, an
 *             offset in the stream's bucket for an owner's stream); equal to the request's when
 *             nothing new
 */
public record EventPage(List<RecordedEvent> events, long next) {

    public EventPage {
        events = List.copyOf(events);
    }
}
