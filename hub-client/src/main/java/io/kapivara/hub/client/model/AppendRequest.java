package io.kapivara.hub.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/streams/{stream}}.
 *
 * @param partitionKey chooses the stream's bucket at its first append; the stream name when null
 */
public record AppendRequest(ExpectedVersion expectedVersion, @Nullable String partitionKey, List<EventData> events) {

    public AppendRequest {
        events = List.copyOf(events);
    }
}
