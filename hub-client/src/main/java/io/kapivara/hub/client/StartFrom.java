package io.kapivara.hub.client;

/** Where a new owner starts reading each bucket. */
public enum StartFrom {

    /** At the bucket's first event: the owner sees everything stored, then what comes. */
    EARLIEST("earliest"),

    /** At the bucket's head when the owner is created: the owner sees only what comes after. */
    LATEST("latest");

    private final String wire;

    StartFrom(String wire) {
        this.wire = wire;
    }

    /** The value of the {@code startFrom} member. */
    String wire() {
        return wire;
    }
}
