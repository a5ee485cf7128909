package io.kapivara.hub.client;

import java.util.OptionalLong;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * A commit of an offset behind the bucket's checkpoint ({@value ProblemTypes#OFFSET_BEHIND}):
 * checkpoints move backwards only by an operator's seek. Nothing was committed.
 *
 * <p>Besides the facts of every offset refusal, {@code checkpoint} when the hub sent it.
 */
public final class OffsetBehindException extends OffsetRefusedException {

    private final OptionalLong checkpoint;

    OffsetBehindException(Problem problem) {
        super(problem);
        this.checkpoint = problem.optionalNumber("checkpoint");
    }

    /** The bucket's committed offset, which the refused offset lies behind. */
    public OptionalLong checkpoint() {
        return checkpoint;
    }
}
