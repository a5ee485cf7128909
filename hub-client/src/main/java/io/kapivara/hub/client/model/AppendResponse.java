package io.kapivara.hub.client.model;

import java.util.List;
import java.util.UUID;

/**
 * Where an append's events stand.
 *
 * @param version the stream's version after the append
 * @param replay  true when an identical earlier append had already stored every event (status 200)
 */
public record AppendResponse(String stream, int bucket, long version, boolean replay, List<Position> events) {

    public AppendResponse {
        events = List.copyOf(events);
    }

    /** The place one event took. */
    public record Position(UUID id, long version, long globalPosition, long offset) {
    }
}
