package io.kapivara.hub.bus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.store.BucketCount;

/**
 * What operators do to an owner: force-reassign, release, seek, evict, pause and resume. Every
 * change of holder or position starts a new epoch, so the previous holder's commits are refused,
 * and every action is written to the audit log in the same transaction.
 */
public final class OperatorService {

    private static final Logger log = LoggerFactory.getLogger(OperatorService.class);

    private final BusStore store;
    private final BucketCount buckets;

    public OperatorService(BusStore store, BucketCount buckets) {
        this.store = store;
        this.buckets = buckets;
    }

    /** Gives a bucket to a live subscription and pins it there, so balancing leaves it. */
    public BucketState assign(String owner, int bucket, String key, @Nullable String actor) {
        return act(owner, bucket, "assign", actor, tx -> {
            boolean live = tx.subscriptions(owner).stream().anyMatch(s -> s.key().equals(key) && s.live());
            if (!live) {
                throw new SubscriptionNotFoundException(owner, key);
            }
            tx.grant(owner, Map.of(bucket, key), true);
        });
    }

    /** Takes a bucket from its holder; balancing gives it to a live subscription at once. */
    public BucketState release(String owner, int bucket, @Nullable String actor) {
        return act(owner, bucket, "release", actor, tx -> {
            Map<Integer, @Nullable String> nobody = new java.util.HashMap<>();
            nobody.put(bucket, null);
            tx.grant(owner, nobody, false);
            MembershipService.rebalance(tx, owner);
        });
    }

    /** Moves one bucket's checkpoint, backwards or forwards. */
    public BucketState seek(String owner, int bucket, SeekTarget target, @Nullable String actor) {
        return act(owner, bucket, "seek", actor, tx -> tx.seek(owner, bucket, offsetOf(tx, owner, bucket, target)));
    }

    /** Moves every bucket's checkpoint of the owner. */
    public List<BucketState> seekAll(String owner, SeekTarget target, @Nullable String actor) {
        return store.inTransaction(tx -> {
            MembershipService.lock(tx, owner);
            List<BucketState> before = tx.buckets(owner);
            for (BucketState bucket : before) {
                tx.seek(owner, bucket.bucket(), offsetOf(tx, owner, bucket.bucket(), target));
            }
            List<BucketState> after = tx.buckets(owner);
            tx.audit("seek", owner, "all buckets", Map.of("checkpoints", checkpoints(before)),
                    Map.of("checkpoints", checkpoints(after), "to", describe(target)), actor);
            log.info("Owner [{}] sought to [{}] in all buckets by [{}]", owner, describe(target), actor);
            return after;
        });
    }

    /** Ends a subscription; its buckets go to the others at once. */
    public void evict(String owner, String key, @Nullable String actor) {
        store.inTransaction(tx -> {
            MembershipService.lock(tx, owner);
            MembershipService.requireSubscription(tx, owner, key);
            List<Integer> held = tx.buckets(owner).stream()
                    .filter(bucket -> key.equals(bucket.holder())).map(BucketState::bucket).toList();
            tx.deleteSubscription(owner, key);
            MembershipService.rebalance(tx, owner);
            tx.audit("evict", owner, "subscription " + key, Map.of("key", key, "buckets", held), Map.of(), actor);
            log.info("Owner [{}] subscription [{}] evicted by [{}]", owner, key, actor);
            return null;
        });
    }

    /** Stops or restarts handing out events to the owner's subscriptions. */
    public void setPaused(String owner, boolean paused, @Nullable String actor) {
        store.inTransaction(tx -> {
            Owner before = MembershipService.lock(tx, owner);
            tx.setPaused(owner, paused);
            tx.audit(paused ? "pause" : "resume", owner, "owner " + owner, Map.of("paused", before.paused()),
                    Map.of("paused", paused), actor);
            log.info("Owner [{}] {} by [{}]", owner, paused ? "paused" : "resumed", actor);
            return null;
        });
    }

    private interface Change {
        void apply(BusStore.Transaction tx);
    }

    private BucketState act(String owner, int bucket, String action, @Nullable String actor, Change change) {
        checkBucket(bucket);
        return store.inTransaction(tx -> {
            MembershipService.lock(tx, owner);
            BucketState before = tx.bucket(owner, bucket).orElseThrow();
            change.apply(tx);
            BucketState after = tx.bucket(owner, bucket).orElseThrow();
            tx.audit(action, owner, "bucket " + bucket, describe(before), describe(after), actor);
            log.info("Owner [{}] bucket [{}] {}: holder [{}] -> [{}] epoch [{}] -> [{}] "
                    + "checkpoint [{}] -> [{}] by [{}]",
                    owner, bucket, action, before.validHolder(), after.validHolder(), before.epoch(), after.epoch(),
                    before.checkpoint(), after.checkpoint(), actor);
            return after;
        });
    }

    private long offsetOf(BusStore.Transaction tx, String owner, int bucket, SeekTarget target) {
        BucketState state = tx.bucket(owner, bucket).orElseThrow();
        return switch (target) {
            case SeekTarget.Earliest earliest -> 0;
            case SeekTarget.Latest latest -> state.head();
            case SeekTarget.Time time -> tx.offsetBefore(bucket, time.time());
            case SeekTarget.Offset offset -> {
                if (offset.offset() < 0 || offset.offset() > state.head()) {
                    throw new InvalidRequestException("to", offset.offset(),
                            "A seek offset is 0 to the head of bucket " + bucket + " (" + state.head() + ")");
                }
                yield offset.offset();
            }
        };
    }

    private void checkBucket(int bucket) {
        if (bucket < 0 || bucket >= buckets.count()) {
            throw new BucketNotFoundException(bucket, buckets.count());
        }
    }

    private static Map<String, Object> describe(BucketState state) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("holder", state.validHolder() == null ? "" : state.validHolder());
        values.put("epoch", state.epoch());
        values.put("checkpoint", state.checkpoint());
        values.put("pinned", state.pinned());
        return values;
    }

    private static Map<Integer, Long> checkpoints(List<BucketState> states) {
        Map<Integer, Long> checkpoints = new java.util.TreeMap<>();
        states.forEach(state -> checkpoints.put(state.bucket(), state.checkpoint()));
        return checkpoints;
    }

    static String describe(SeekTarget target) {
        return switch (target) {
            case SeekTarget.Earliest earliest -> "earliest";
            case SeekTarget.Latest latest -> "latest";
            case SeekTarget.Offset offset -> Long.toString(offset.offset());
            case SeekTarget.Time time -> time.time().toString();
        };
    }
}
