package io.kapivara.hub.client;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * A request body larger than the hub accepts (413, {@value ProblemTypes#PAYLOAD_TOO_LARGE}).
 * Nothing of it was stored; split the append into smaller ones.
 */
public final class PayloadTooLargeException extends HubRequestException {

    private final long limit;
    private final long size;

    PayloadTooLargeException(Problem problem) {
        super(problem);
        this.limit = problem.number("limit");
        this.size = problem.number("size");
    }

    /** The largest body the hub accepts, in bytes. */
    public long limit() {
        return limit;
    }

    /** The body's size in bytes, or the bytes the hub had read when it passed the limit. */
    public long size() {
        return size;
    }
}
