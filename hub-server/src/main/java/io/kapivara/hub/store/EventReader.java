package io.kapivara.hub.store;

import java.time.Instant;
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

    /** How much the store holds, and when it last grew. */
    Totals totals();

    /**
     * Events recorded per minute of the database clock, for the {@code minutes} minutes up to and
     * including the current one, oldest first, minutes without events included with 0.
     */
    List<MinuteCount> appendsPerMinute(int minutes);

    /**
     * Streams whose names start with {@code prefix} and sort after {@code after}, in the order of
     * their names' code points (not the database's collation), at most {@code limit}.
     */
    List<EventLog.StreamState> streamsByPrefix(String prefix, @Nullable String after, int limit);

    /**
     * @param events         events stored; also the last global position, since positions have no gaps
     * @param streams        streams with at least one event
     * @param lastRecordedAt when the last event was recorded; null while the store is empty
     */
    record Totals(long events, long streams, @Nullable Instant lastRecordedAt) {
    }

    /** The events recorded in the minute starting at {@code minute}. */
    record MinuteCount(Instant minute, long events) {
    }
}
