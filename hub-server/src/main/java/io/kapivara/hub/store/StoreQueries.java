package io.kapivara.hub.store;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.shared.InvalidRequestException;

/** Reads of the store: the query side. */
public final class StoreQueries {

    /** The most events one read returns. */
    public static final int MAX_LIMIT = 1_000;

    /** The longest window of {@link #appendsPerMinute}: one day. */
    public static final int MAX_MINUTES = 1_440;

    private final EventReader reader;
    private final StoreLimits limits;

    public StoreQueries(EventReader reader, StoreLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /** Which way a stream read goes. */
    public enum Direction { FORWARD, BACKWARD }

    /**
     * A page of one stream.
     *
     * @param version the stream's current version
     */
    public record StreamPage(String stream, long version, int bucket, List<RecordedEvent> events) {
    }

    /**
     * Reads a stream from {@code from} in {@code direction}; without {@code from}, forward starts
     * at version 0 and backward at the stream's end. A page that runs past an end returns what
     * exists.
     *
     * @throws StreamNotFoundException when the stream has no events
     */
    public StreamPage readStream(String stream, @Nullable Long from, Direction direction, int limit) {
        limits.checkStreamName(stream);
        checkLimit(limit);
        if (from != null && from < 0) {
            throw new InvalidRequestException("from", from, "A version is 0 or more");
        }
        EventLog.StreamState state = reader.stream(stream).orElseThrow(() -> new StreamNotFoundException(stream));
        List<RecordedEvent> events = switch (direction) {
            case FORWARD -> reader.readForward(stream, from == null ? 0 : from, limit);
            case BACKWARD -> reader.readBackward(stream, from == null ? state.version() : from, limit);
        };
        return new StreamPage(stream, state.version(), state.bucket(), events);
    }

    /**
     * A page of the whole store in global order.
     *
     * @param next the cursor to pass as {@code after} for the following page
     */
    public record GlobalPage(List<RecordedEvent> events, long next) {
    }

    /**
     * Reads events after global position {@code after}, optionally of one type and one category.
     * A reader that pages with {@code next} sees every committed event exactly once: positions are
     * handed out in commit order, so none can appear behind a cursor later.
     */
    public GlobalPage readAll(long after, int limit, @Nullable String type, @Nullable String category) {
        checkLimit(limit);
        if (after < 0) {
            throw new InvalidRequestException("after", after, "A global position is 0 or more");
        }
        if (type != null) {
            limits.checkName("type", type);
        }
        if (category != null) {
            limits.checkName("category", category);
        }
        List<RecordedEvent> events = reader.readAll(after, limit, type, category);
        long next = events.isEmpty() ? after : events.getLast().globalPosition();
        return new GlobalPage(events, next);
    }

    /** @throws EventNotFoundException when no event has that id */
    public RecordedEvent event(UUID id) {
        return reader.event(id).orElseThrow(() -> new EventNotFoundException(id));
    }

    /** How much the store holds, and when it last grew. */
    public EventReader.Totals totals() {
        return reader.totals();
    }

    /**
     * Events recorded per minute over the last {@code minutes} minutes of the database clock, the
     * current (unfinished) minute last; minutes without events count 0.
     */
    public List<EventReader.MinuteCount> appendsPerMinute(int minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new InvalidRequestException("minutes", minutes, "A window is 1 to " + MAX_MINUTES + " minutes");
        }
        return reader.appendsPerMinute(minutes);
    }

    /**
     * Streams whose names start with {@code prefix} (every stream when it is empty), in code point
     * order of their names, after {@code after} when given: pass the last name of a page to get
     * the next one.
     */
    public List<EventLog.StreamState> streamsByPrefix(String prefix, @Nullable String after, int limit) {
        if (!prefix.isEmpty()) {
            limits.checkName("prefix", prefix);
        }
        if (after != null) {
            limits.checkName("after", after);
        }
        checkLimit(limit);
        return reader.streamsByPrefix(prefix, after, limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", limit, "A limit is 1 to " + MAX_LIMIT);
        }
    }
}
