package io.kapivara.hub.store;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One atomic append: all of its events are stored, in order, or none is.
 *
 * @param partitionKey chooses the stream's bucket at its first append; the stream name when absent
 */
public record AppendCommand(
        String stream, ExpectedVersion expectedVersion, @Nullable String partitionKey, List<NewEvent> events) {

    public AppendCommand {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        events = List.copyOf(events);
    }
}
