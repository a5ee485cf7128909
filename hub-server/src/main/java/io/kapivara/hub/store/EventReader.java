package io.kapivara.hub.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The read port of the store. Reads see committed events only. */
public interface EventReader {

    /** The stream's current version and bucket, when it has events. */
    Optional<EventLog.StreamState> stream(String stream);

    /** Events of a stream with versions from {@code from} upward, in version order. */
    List<RecordedEvent> readForward(String stream, long from, int limit);

    /** Events of a stream with versions from {@code from} downward, newest first. */
    List<RecordedEvent> readBackward(String stream, long from, int limit);

    /** Events after a global position, in global order, optionally of one type and one category. */
    List<RecordedEvent> readAll(long after, int limit, @Nullable String type, @Nullable String category);

    Optional<RecordedEvent> event(UUID id);
}
