package io.kapivara.hub.store;

import io.kapivara.hub.shared.HubException;

/** An append naming a partition key other than the one its stream was created with. */
public final class PartitionKeyMismatchException extends HubException {

    private final String stream;
    private final String stored;
    private final String given;

    public PartitionKeyMismatchException(String stream, String stored, String given) {
        super("A stream keeps the partition key of its first append: stream [%s] stored [%s] given [%s]"
                .formatted(stream, stored, given));
        this.stream = stream;
        this.stored = stored;
        this.given = given;
    }

    public String stream() {
        return stream;
    }

    /** The key that chose the stream's bucket: its first partition key, or its name when it had none. */
    public String stored() {
        return stored;
    }

    public String given() {
        return given;
    }
}
