package io.kapivara.hub.client;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

/**
 * A commit refused for its offset, though the caller still held the bucket: the offset lies
 * behind the checkpoint ({@link OffsetBehindException}) or beyond the bucket's last event
 * ({@link OffsetBeyondHeadException}). Nothing of the request was committed.
 *
 * <p>Facts read from the problem: {@code bucket} and {@code offset} always; {@code epoch},
 * {@code owner} and {@code key} when the hub sent them.
 */
public abstract sealed class OffsetRefusedException extends HubRequestException
        permits OffsetBehindException, OffsetBeyondHeadException {

    private final int bucket;
    private final long offset;
    private final OptionalLong epoch;
    private final @Nullable String owner;
    private final @Nullable String key;

    OffsetRefusedException(Problem problem) {
        super(problem);
        this.bucket = Math.toIntExact(problem.number("bucket"));
        this.offset = problem.number("offset");
        this.epoch = problem.optionalNumber("epoch");
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

    public @Nullable String owner() {
        return owner;
    }

    public @Nullable String key() {
        return key;
    }
}
