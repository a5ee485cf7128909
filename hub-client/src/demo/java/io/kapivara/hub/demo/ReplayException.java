package io.kapivara.hub.demo;

/** A reason the replay cannot go on, worded for the person who ran it. */
final class ReplayException extends RuntimeException {

    ReplayException(String message) {
        super(message);
    }

    ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
