package io.kapivara.hub.client;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a fetch reads: how many events at most, how long to wait when there are none, how long to
 * let more gather once some came, and where the previous fetch ended. Setters return this object;
 * a call reads the options when it starts.
 */
public final class FetchOptions {

    /** The most events of one fetch when none is set; the hub's own default. */
    public static final int DEFAULT_LIMIT = 100;

    private int limit = DEFAULT_LIMIT;
    private Duration maxWait = Duration.ZERO;
    private Duration linger = Duration.ZERO;
    private @Nullable String cursor;

    private FetchOptions() {
    }

    /** {@value #DEFAULT_LIMIT} events, no waiting, from each bucket's checkpoint. */
    public static FetchOptions defaults() {
        return new FetchOptions();
    }

    /**
     * The most events the fetch returns. The hub refuses a limit above its maximum (1000 by
     * default) with {@link InvalidRequestException}.
     *
     * @throws IllegalArgumentException when {@code limit} is less than 1
     */
    public FetchOptions limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A limit is 1 or more: limit [%d]".formatted(limit));
        }
        this.limit = limit;
        return this;
    }

    /**
     * How long the hub holds the fetch open when there is nothing to hand out yet (a long poll),
     * in whole milliseconds; it answers as soon as events come. Zero (the default) answers at
     * once. The hub refuses a wait above its maximum (30 s by default) with
     * {@link InvalidRequestException}. The client waits this much longer than its request timeout
     * for the answer.
     *
     * @throws IllegalArgumentException when {@code wait} is negative
     */
    public FetchOptions maxWait(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("A fetch waits zero or more: maxWait [%s]".formatted(maxWait));
        }
        this.maxWait = maxWait;
        return this;
    }

    /**
     * How long events may gather: a fetch with fewer than {@link #limit(int) limit} events answers
     * no sooner than this after it was sent (never past {@link #maxWait(Duration) maxWait}), with
     * what came meanwhile; a full one answers at once, and zero (the default) always answers at
     * once. A consumer that keeps up then makes one fetch per linger instead of one per append, which
     * spares the hub and the database many small requests for that much more latency. At most 1
     * second: the hub refuses more with {@link InvalidRequestException}.
     *
     * @throws IllegalArgumentException when {@code linger} is negative
     */
    public FetchOptions linger(Duration linger) {
        Objects.requireNonNull(linger, "linger");
        if (linger.isNegative()) {
            throw new IllegalArgumentException("A fetch lingers zero or more: linger [%s]".formatted(linger));
        }
        this.linger = linger;
        return this;
    }

    /**
     * The {@link io.kapivara.hub.client.model.FetchResponse#cursor()} of the previous fetch, so
     * that this one continues where it ended; null (the default) starts each bucket at the owner's
     * checkpoint. A bucket whose epoch changed since the cursor was made starts at its checkpoint
     * whatever the cursor says.
     */
    public FetchOptions cursor(@Nullable String cursor) {
        this.cursor = cursor;
        return this;
    }

    public int limit() {
        return limit;
    }

    public Duration maxWait() {
        return maxWait;
    }

    public Duration linger() {
        return linger;
    }

    public @Nullable String cursor() {
        return cursor;
    }
}
