package io.kapivara.hub.client;

import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * The caller no longer holds a bucket with the epoch it named ({@value ProblemTypes#LEASE_LOST}):
 * its lease expired or the bucket was given to another subscription. Nothing was committed. Stop
 * working on the bucket; events after its checkpoint will be delivered to the new holder.
 *
 * <p>Facts read from the problem: {@code bucket} and {@code epoch} always; {@code owner},
 * {@code key}, {@code offset}, {@code holder} and {@code currentEpoch} when the hub sent them.
 */
public final class LeaseLostException extends HubRequestException {

    private final int bucket;
    private final long epoch;
    private final OptionalLong offset;
    private final @Nullable String owner;
    private final @Nullable String key;
    private final @Nullable String holder;
    private final OptionalLong currentEpoch;

    LeaseLostException(Problem problem) {
        super(problem);
        this.bucket = Math.toIntExact(problem.number("bucket"));
        this.epoch = problem.number("epoch");
        this.offset = problem.optionalNumber("offset");
        this.owner = problem.optionalText("owner");
        this.key = problem.optionalText("key");
        this.holder = problem.optionalText("holder");
        this.currentEpoch = problem.optionalNumber("currentEpoch");
    }

    public int bucket() {
        return bucket;
    }

    /** The epoch the caller named. */
    public long epoch() {
        return epoch;
    }

    /** The offset the caller tried to commit, when the refused call was a commit. */
    public OptionalLong offset() {
        return offset;
    }

    public @Nullable String owner() {
        return owner;
    }

    /** The key of the caller's subscription. */
    public @Nullable String key() {
        return key;
    }

    /** The key of the subscription holding the bucket now, or null when none holds it. */
    public @Nullable String holder() {
        return holder;
    }

    /** The bucket's epoch now. */
    public OptionalLong currentEpoch() {
        return currentEpoch;
    }
}
