package io.kapivara.hub.client;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.EventPage;

/**
 * How the whole store is read: after which global position, how many events per page, and which
 * events. Setters return this object; a call reads the options when it starts, so one object may
 * be changed and reused for later calls.
 */
public final class ReadAllOptions {

    /** The page size when none is set; the hub's own default. */
    public static final int DEFAULT_LIMIT = 100;

    private long after;
    private int limit = DEFAULT_LIMIT;
    private @Nullable String type;
    private @Nullable String category;

    private ReadAllOptions() {
    }

    /** From the first event of the store, {@value #DEFAULT_LIMIT} events per page, every event. */
    public static ReadAllOptions defaults() {
        return new ReadAllOptions();
    }

    /**
     * Reads events whose global position is greater than {@code globalPosition}; 0 (the default)
     * reads from the first event. Pass a page's {@link EventPage#next()} to read the page after it.
     *
     * @throws IllegalArgumentException when {@code globalPosition} is negative
     */
    public ReadAllOptions after(long globalPosition) {
        if (globalPosition < 0) {
            throw new IllegalArgumentException("A global position is 0 or more: after [%d]".formatted(globalPosition));
        }
        this.after = globalPosition;
        return this;
    }

    /**
     * The most events one page holds. The hub refuses a limit above its maximum (1000 by default)
     * with {@link InvalidRequestException}.
     *
     * @throws IllegalArgumentException when {@code limit} is less than 1
     */
    public ReadAllOptions limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A limit is 1 or more: limit [%d]".formatted(limit));
        }
        this.limit = limit;
        return this;
    }

    /** Only events of exactly this type; every type when null. */
    public ReadAllOptions type(@Nullable String type) {
        this.type = type;
        return this;
    }

    /**
     * Only events of streams in this category: the stream name up to its first {@code -}, or the
     * whole name when it has none. Every category when null.
     */
    public ReadAllOptions category(@Nullable String category) {
        this.category = category;
        return this;
    }

    public long after() {
        return after;
    }

    public int limit() {
        return limit;
    }

    public @Nullable String type() {
        return type;
    }

    public @Nullable String category() {
        return category;
    }
}
