package io.kapivara.hub.client;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * A commit of an offset behind the bucket's checkpoint ({@value ProblemTypes#OFFSET_BEHIND}):
 * checkpoints move backwards only by an operator's seek. Nothing was committed.
 *
 * <p>Facts read from the problem: {@code bucket} and {@code offset} always; {@code epoch},
 * {@code checkpoint}, {@code owner} and {@code key} when the hub sent them.
 */
public final class OffsetBehindException extends HubRequestException {

    private final int bucket;
    private final long offset;
    private final OptionalLong epoch;
    private final OptionalLong checkpoint;
    private final @Nullable String owner;
    private final @Nullable String key;

    OffsetBehindException(Problem problem) {
        super(problem);
        this.bucket = Math.toIntExact(problem.number("bucket"));
        this.offset = problem.number("offset");
        this.epoch = problem.optionalNumber("epoch");
        this.checkpoint = problem.optionalNumber("checkpoint");
        this.owner = problem.optionalText("owner");
        this.key = problem.optionalText("key");
    }

    public int bucket() {
        return bucket;
    }

    /** The offset the caller tried to commit. */
    public long offset() {
        return offset;
    }

    /** The epoch the caller named. */
    public OptionalLong epoch() {
        return epoch;
    }

    /** The bucket's committed offset, which the refused offset lies behind. */
    public OptionalLong checkpoint() {
        return checkpoint;
    }

    public @Nullable String owner() {
        return owner;
    }

    public @Nullable String key() {
        return key;
    }
}
