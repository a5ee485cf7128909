package io.kapivara.hub.bus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.store.BucketCount;

/**
 * Moves checkpoints forward for the holders of buckets. One request commits all its buckets or
 * none: one conditional statement updates them all, each guarded by holder, epoch, lease expiry,
 * checkpoint and head, and the buckets it moved are the verdict; fewer than asked rolls it back.
 */
public final class CommitService {

    private final BusStore store;
    private final BucketCount buckets;

    public CommitService(BusStore store, BucketCount buckets) {
        this.store = store;
        this.buckets = buckets;
    }

    /** One bucket's new checkpoint, with the epoch of the lease it was read under. */
    public record Commit(int bucket, long offset, long epoch) {
    }

    /**
     * @throws CommitRefusedException  when any commit is refused (lease lost, behind, beyond head);
     *                                 then none of them is applied
     * @throws OwnerNotFoundException  when the owner does not exist
     */
    public void commit(String owner, String key, List<Commit> commits) {
        check(commits);
        store.inTransaction(tx -> {
            Set<Integer> moved = tx.commit(owner, key, commits);
            if (moved.size() < commits.size()) {
                throw refusal(tx, owner, key, commits, moved);
            }
            return null;
        });
    }

    /**
     * Names the first bucket refused, in request order, and why. Read only after a refusal, so an
     * accepted commit costs one statement; an unknown owner has no checkpoint rows, so its commit
     * moves nothing and is found here too.
     */
    private CommitRefusedException refusal(BusStore.Transaction tx, String owner, String key, List<Commit> commits,
            Set<Integer> moved) {
        tx.owner(owner).orElseThrow(() -> new OwnerNotFoundException(owner));
        Commit commit = commits.stream().filter(c -> !moved.contains(c.bucket())).findFirst().orElseThrow();
        BucketState state = tx.bucket(owner, commit.bucket())
                .orElseThrow(() -> new BucketNotFoundException(commit.bucket(), buckets.count()));
        return new CommitRefusedException(reason(key, commit, state), owner, key, commit.bucket(), commit.offset(),
                commit.epoch(), state);
    }

    private static CommitRefusedException.Reason reason(String key, Commit commit, BucketState state) {
        if (!key.equals(state.validHolder()) || state.epoch() != commit.epoch()) {
            return CommitRefusedException.Reason.LEASE_LOST;
        }
        if (commit.offset() < state.checkpoint()) {
            return CommitRefusedException.Reason.OFFSET_BEHIND;
        }
        return CommitRefusedException.Reason.OFFSET_BEYOND_HEAD;
    }

    private void check(List<Commit> commits) {
        if (commits.isEmpty()) {
            throw new InvalidRequestException("commits", 0, "A commit request names at least one bucket");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < commits.size(); i++) {
            Commit commit = commits.get(i);
            if (commit.bucket() < 0 || commit.bucket() >= buckets.count()) {
                throw new InvalidRequestException("[" + i + "].bucket", commit.bucket(),
                        "A bucket is 0 to " + (buckets.count() - 1));
            }
            if (commit.offset() < 0) {
                throw new InvalidRequestException("[" + i + "].offset", commit.offset(), "An offset is 0 or more");
            }
            if (!seen.add(commit.bucket())) {
                throw new InvalidRequestException("[" + i + "].bucket", commit.bucket(),
                        "A commit request names each bucket once");
            }
        }
    }
}
