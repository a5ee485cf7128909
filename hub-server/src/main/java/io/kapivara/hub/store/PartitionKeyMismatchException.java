package io.kapivara.hub.store;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.shared.HubException;

/** An append naming a partition key other than the one its stream was created with. */
public final class PartitionKeyMismatchException extends HubException {

    private final String stream;
    private final @Nullable String stored;
    private final String given;

    public PartitionKeyMismatchException(String stream, @Nullable String stored, String given) {
        super("A stream keeps the partition key of its first append: stream [%s] stored [%s] given [%s]"
                .formatted(stream, stored, given));
        this.stream = stream;
        this.stored = stored;
        this.given = given;
    }

    public String stream() {
        return stream;
    }

    public @Nullable String stored() {
        return stored;
    }

    public String given() {
        return given;
    }
}
