package io.kapivara.hub.shared;

/**
 * The hub cannot serve the request now, but may a moment later: the database is out of reach,
 * the connection pool is exhausted, a queue is full. Callers may retry.
 */
public final class UnavailableException extends RuntimeException {

    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnavailableException(String message) {
        super(message);
    }
}
