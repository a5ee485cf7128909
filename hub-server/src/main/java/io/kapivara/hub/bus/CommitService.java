package io.kapivara.hub.bus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.store.BucketCount;

/**
 * Moves checkpoints forward for the holders of buckets. One request commits all its buckets or
 * none: each bucket's update is one conditional statement guarded by holder, epoch, lease expiry,
 * checkpoint and head, and its row count is the verdict.
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
            tx.owner(owner).orElseThrow(() -> new OwnerNotFoundException(owner));
            for (Commit commit : commits) {
                if (!tx.commit(owner, key, commit.bucket(), commit.epoch(), commit.offset())) {
                    throw refusal(tx, owner, key, commit);
                }
            }
            return null;
        });
    }

    private CommitRefusedException refusal(BusStore.Transaction tx, String owner, String key, Commit commit) {
        BucketState state = tx.bucket(owner, commit.bucket())
                .orElseThrow(() -> new BucketNotFoundException(commit.bucket(), buckets.count()));
        CommitRefusedException.Reason reason;
        if (!key.equals(state.validHolder()) || state.epoch() != commit.epoch()) {
            reason = CommitRefusedException.Reason.LEASE_LOST;
        } else if (commit.offset() < state.checkpoint()) {
            reason = CommitRefusedException.Reason.OFFSET_BEHIND;
        } else {
            reason = CommitRefusedException.Reason.OFFSET_BEYOND_HEAD;
        }
        return new CommitRefusedException(reason, owner, key, commit.bucket(), commit.offset(), commit.epoch(), state);
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
