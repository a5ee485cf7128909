package io.kapivara.hub.bus;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.shared.HubException;

/**
 * A commit that did not move the checkpoint. Nothing of the request was committed.
 *
 * @see Reason
 */
public final class CommitRefusedException extends HubException {

    /** Why a commit was refused. */
    public enum Reason {

        /** The committer does not hold the bucket with that epoch, or its lease expired. */
        LEASE_LOST,

        /** The offset lies behind the checkpoint; checkpoints move back only by an operator's seek. */
        OFFSET_BEHIND,

        /** The offset lies beyond the bucket's head: no such event exists yet. */
        OFFSET_BEYOND_HEAD
    }

    private final Reason reason;
    private final String owner;
    private final String key;
    private final int bucket;
    private final long offset;
    private final long epoch;
    private final long checkpoint;
    private final long head;
    private final @Nullable String holder;
    private final long currentEpoch;

    public CommitRefusedException(Reason reason, String owner, String key, int bucket, long offset, long epoch,
            BucketState state) {
        super(message(reason, owner, key, bucket, offset, epoch, state));
        this.reason = reason;
        this.owner = owner;
        this.key = key;
        this.bucket = bucket;
        this.offset = offset;
        this.epoch = epoch;
        this.checkpoint = state.checkpoint();
        this.head = state.head();
        this.holder = state.validHolder();
        this.currentEpoch = state.epoch();
    }

    private static String message(Reason reason, String owner, String key, int bucket, long offset, long epoch,
            BucketState state) {
        String rule = switch (reason) {
            case LEASE_LOST -> "Only the current holder of a bucket, with the current epoch and an unexpired lease, "
                    + "commits";
            case OFFSET_BEHIND -> "A checkpoint never moves backwards by commit";
            case OFFSET_BEYOND_HEAD -> "A checkpoint never moves beyond the bucket's head";
        };
        return ("%s: owner [%s] key [%s] bucket [%d] offset [%d] epoch [%d]; "
                + "checkpoint [%d] head [%d] holder [%s] epoch [%d]")
                .formatted(rule, owner, key, bucket, offset, epoch, state.checkpoint(), state.head(),
                        state.validHolder(), state.epoch());
    }

    public Reason reason() {
        return reason;
    }

    public String owner() {
        return owner;
    }

    public String key() {
        return key;
    }

    public int bucket() {
        return bucket;
    }

    public long offset() {
        return offset;
    }

    public long epoch() {
        return epoch;
    }

    public long checkpoint() {
        return checkpoint;
    }

    public long head() {
        return head;
    }

    public @Nullable String holder() {
        return holder;
    }

    public long currentEpoch() {
        return currentEpoch;
    }
}
