package io.kapivara.hub.store;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event as the store holds it.
 *
 * @param version        0-based position inside its stream
 * @param globalPosition position in the whole store; grows in commit order
 * @param bucket         the bucket of its stream
 * @param offset         position inside the bucket; 1, 2, 3, … in commit order, without gaps
 * @param recordedAt     the database clock when the append took its place
 */
public record RecordedEvent(
        UUID id,
        String stream,
        String type,
        JsonText data,
        @Nullable JsonText metadata,
        long version,
        long globalPosition,
        int bucket,
        long offset,
        Instant recordedAt) {

    /** The stream name up to its first {@code -}: {@code order-42} is in category {@code order}. */
    public String category() {
        return StreamName.categoryOf(stream);
    }
}
