package io.kapivara.hub.client;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a stream is read: from which version, which way, and how many events per page. Setters
 * return this object; a call reads the options when it starts, so one object may be changed and
 * reused for later calls.
 */
public final class ReadStreamOptions {

    /** The page size when none is set; the hub's own default. */
    public static final int DEFAULT_LIMIT = 100;

    private @Nullable Long from;
    private Direction direction = Direction.FORWARD;
    private int limit = DEFAULT_LIMIT;

    private ReadStreamOptions() {
    }

    /** Forward from version 0, {@value #DEFAULT_LIMIT} events per page. */
    public static ReadStreamOptions defaults() {
        return new ReadStreamOptions();
    }

    /**
     * The version of the first event to read, inclusive. Unless set, a forward read starts at
     * version 0 and a backward read at the stream's last event.
     *
     * @throws IllegalArgumentException when {@code version} is negative
     */
    public ReadStreamOptions from(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("A version is 0 or more: from [%d]".formatted(version));
        }
        this.from = version;
        return this;
    }

    /** Starts where the direction naturally starts: version 0 forward, the last event backward. */
    public ReadStreamOptions fromStartOfDirection() {
        this.from = null;
        return this;
    }

    public ReadStreamOptions direction(Direction direction) {
        this.direction = Objects.requireNonNull(direction, "direction");
        return this;
    }

    /** Reads by growing version. */
    public ReadStreamOptions forwards() {
        return direction(Direction.FORWARD);
    }

    /** Reads by shrinking version. */
    public ReadStreamOptions backwards() {
        return direction(Direction.BACKWARD);
    }

    /**
     * The most events one page holds. The hub refuses a limit above its maximum (1000 by default)
     * with {@link InvalidRequestException}.
     *
     * @throws IllegalArgumentException when {@code limit} is less than 1
     */
    public ReadStreamOptions limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A limit is 1 or more: limit [%d]".formatted(limit));
        }
        this.limit = limit;
        return this;
    }

    /** The first version to read, or null for the natural start of the direction. */
    public @Nullable Long from() {
        return from;
    }

    public Direction direction() {
        return direction;
    }

    public int limit() {
        return limit;
    }
}
