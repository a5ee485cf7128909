package io.kapivara.hub.client;

/** Which way a stream is read: by growing or by shrinking version. */
public enum Direction {

    FORWARD("forward"),
    BACKWARD("backward");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    /** The value of the {@code direction} query parameter. */
    String wire() {
        return wire;
    }
}
