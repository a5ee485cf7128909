package io.kapivara.hub.client;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * A commit of an offset beyond the bucket's last event ({@value ProblemTypes#OFFSET_BEYOND_HEAD}):
 * no event has that offset yet. Nothing was committed.
 *
 * <p>Facts read from the problem: {@code bucket} and {@code offset} always; {@code epoch},
 * {@code head}, {@code owner} and {@code key} when the hub sent them.
 */
public final class OffsetBeyondHeadException extends HubRequestException {

    private final int bucket;
    private final long offset;
    private final OptionalLong epoch;
    private final OptionalLong head;
    private final @Nullable String owner;
    private final @Nullable String key;

    OffsetBeyondHeadException(Problem problem) {
        super(problem);
        this.bucket = Math.toIntExact(problem.number("bucket"));
        this.offset = problem.number("offset");
        this.epoch = problem.optionalNumber("epoch");
        this.head = problem.optionalNumber("head");
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

    /** The offset of the bucket's last event. */
    public OptionalLong head() {
        return head;
    }

    public @Nullable String owner() {
        return owner;
    }

    public @Nullable String key() {
        return key;
    }
}
