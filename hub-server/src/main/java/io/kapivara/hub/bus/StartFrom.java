package io.kapivara.hub.bus;

/** Where a new owner's checkpoints begin. */
public enum StartFrom {

    /** At offset 0: the owner reads every event already stored. */
    EARLIEST,

    /** At each bucket's head when the owner is created: the owner reads only new events. */
    LATEST;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
