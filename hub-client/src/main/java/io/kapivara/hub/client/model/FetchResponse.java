package io.kapivara.hub.client.model;

import java.util.List;

/**
 * The answer of a fetch.
 *
 * @param cursor    pass it to the next fetch to continue where this one ended
 * @param positions per held bucket, the offset read up to (past events the owner's filter
 *                  skipped) and its epoch: once the returned events are handled, committing these
 *                  is safe
 * @param paused    whether the owner is paused (then no events come)
 */
public record FetchResponse(List<FetchedEvent> events, String cursor, List<Commit> positions, boolean paused) {

    public FetchResponse {
        events = List.copyOf(events);
        positions = List.copyOf(positions);
    }
}
