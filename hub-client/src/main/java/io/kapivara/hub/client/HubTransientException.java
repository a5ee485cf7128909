package io.kapivara.hub.client;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;

/**
 * The hub could not be reached, did not answer in time, or answered that it cannot serve the
 * request now (503, and 429, 502 or 504 from it or a proxy in front of it). Repeating the call may
 * succeed. The client has already repeated it as its {@link RetryPolicy} allows when this reaches
 * the caller.
 *
 * <p>Whether an append that ended this way was stored is unknown. Repeating it with the same event
 * ids is safe: the hub stores each id once and answers an identical repeat as a replay.
 */
public final class HubTransientException extends HubClientException {

    private final @Nullable Integer status;
    private final @Nullable Duration retryAfter;
    private final int attempts;
    private final boolean unsent;

    /** A failure after which the hub may or may not have acted on the request. */
    HubTransientException(String message, @Nullable Integer status, @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        this(message, status, retryAfter, 1, false, cause);
    }

    private HubTransientException(String message, @Nullable Integer status, @Nullable Duration retryAfter,
            int attempts, boolean unsent, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
        this.attempts = attempts;
        this.unsent = unsent;
    }

    /** A failure before the request reached the hub: no connection was made. */
    static HubTransientException unsent(String message, Throwable cause) {
        return new HubTransientException(message, null, null, 1, true, cause);
    }

    /** The hub's own refusal to serve now (429 or 503): it did not act on the request. */
    static HubTransientException refused(String message, int status, @Nullable Duration retryAfter) {
        return new HubTransientException(message, status, retryAfter, 1, true, null);
    }

    /** The same failure, after {@code attempts} attempts in all. */
    HubTransientException afterAttempts(int attempts) {
        String message = attempts == 1 ? getMessage() : getMessage() + " (gave up after " + attempts + " attempts)";
        var last = new HubTransientException(message, status, retryAfter, attempts, unsent, getCause());
        last.setStackTrace(getStackTrace());
        return last;
    }

    /** The HTTP status of the answer, or empty when no answer came (refused connection, timeout). */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** How long the hub asked the client to wait, from its {@code Retry-After} header. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** How many times the call was sent before the client gave up, at least 1. */
    public int attempts() {
        return attempts;
    }

    /**
     * Whether the hub surely did not act on the last attempt: no connection was made, or the hub
     * answered 429 or 503. When false, a call that changes something may or may not have been
     * applied.
     */
    public boolean unsent() {
        return unsent;
    }
}
