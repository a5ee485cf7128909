package io.kapivara.hub.store;

import java.util.List;
import java.util.UUID;

/**
 * Where an append's events stand.
 *
 * @param version the stream's version after the append (for a replay: after the original one)
 * @param replay  true when every event was already stored by an identical earlier append, and this
 *                one stored nothing
 */
public record AppendResult(String stream, int bucket, long version, List<Position> events, boolean replay) {

    public AppendResult {
        events = List.copyOf(events);
    }

    /** The place one event took. */
    public record Position(UUID id, long version, long globalPosition, long offset) {
    }
}
