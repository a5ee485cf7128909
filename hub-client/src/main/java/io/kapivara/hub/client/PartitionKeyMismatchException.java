package io.kapivara.hub.client;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * An append giving a partition key other than the one its stream was created with (409,
 * {@value ProblemTypes#PARTITION_KEY_MISMATCH}): a stream's bucket is fixed at its first append.
 * Nothing of it was stored.
 */
public final class PartitionKeyMismatchException extends HubRequestException {

    private final String stream;
    private final String given;
    private final @Nullable String stored;

    PartitionKeyMismatchException(Problem problem) {
        super(problem);
        this.stream = problem.text("stream");
        this.given = problem.text("given");
        this.stored = problem.optionalText("stored");
    }

    public String stream() {
        return stream;
    }

    /** The partition key the append gave. */
    public String given() {
        return given;
    }

    /**
     * The stream's key: the partition key of its first append, or the stream name when that gave
     * none (the name then chose the bucket); null only when the hub's answer did not name it.
     */
    public @Nullable String stored() {
        return stored;
    }
}
