package io.kapivara.hub.client;

import java.util.OptionalLong;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * A commit of an offset beyond the bucket's last event ({@value ProblemTypes#OFFSET_BEYOND_HEAD}):
 * no event has that offset yet. Nothing was committed.
 *
 * <p>Besides the facts of every offset refusal, {@code head} when the hub sent it.
 */
public final class OffsetBeyondHeadException extends OffsetRefusedException {

    private final OptionalLong head;

    OffsetBeyondHeadException(Problem problem) {
        super(problem);
        this.head = problem.optionalNumber("head");
    }

    /** The offset of the bucket's last event. */
    public OptionalLong head() {
        return head;
    }
}
