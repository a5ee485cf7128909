package io.kapivara.hub.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of one stream.
 *
 * @param version   the stream's current version
 * @param direction {@code forward} or {@code backward}
 * @param next      the {@code from} of the following page in the same direction; null at the end
 */
public record StreamPage(String stream, long version, int bucket, String direction, @Nullable Long next,
        List<RecordedEvent> events) {

    public StreamPage {
        events = List.copyOf(events);
    }
}
