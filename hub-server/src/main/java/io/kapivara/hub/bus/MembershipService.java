package io.kapivara.hub.bus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.store.StoreLimits;

/**
 * Subscriptions joining, staying and leaving, and the balancing of buckets that follows each.
 * Every change of one owner runs under that owner's lock, so two nodes never balance at once.
 */
public final class MembershipService {

    private static final Logger log = LoggerFactory.getLogger(MembershipService.class);

    private final BusStore store;
    private final BusSettings settings;
    private final StoreLimits names;

    public MembershipService(BusStore store, BusSettings settings, StoreLimits names) {
        this.store = store;
        this.settings = settings;
        this.names = names;
    }

    /**
     * Subscribes a node of {@code owner} (creating the owner with defaults when unknown), balances
     * the owner's buckets and returns what the node holds. Subscribing again with the same key
     * renews it. Without a key the hub makes one.
     */
    public Assignment subscribe(String owner, @Nullable String key) {
        names.checkName("owner", owner);
        String subscriber = key != null ? key : UUID.randomUUID().toString();
        names.checkName("key", subscriber);
        StoreLimits.checkCarriedByUrl("key", subscriber, "A subscription key");
        return store.inTransaction(tx -> {
            tx.createOwner(owner, StartFrom.EARLIEST, EventFilter.ALL);
            Instant expiresAt = tx.renewSubscription(owner, subscriber, settings.leaseTtl());
            tx.renewLeases(owner, subscriber, expiresAt);
            rebalance(tx, owner);
            return assignment(tx, owner, subscriber);
        });
    }

    /**
     * Renews a subscription and its leases, balances, and returns what it holds now. A
     * subscription whose leases lapsed gets buckets again, each with a new epoch.
     *
     * @throws SubscriptionNotFoundException when the key left or was evicted: subscribe again
     */
    public Assignment heartbeat(String owner, String key) {
        return store.inTransaction(tx -> {
            lock(tx, owner);
            requireSubscription(tx, owner, key);
            Instant expiresAt = tx.renewSubscription(owner, key, settings.leaseTtl());
            tx.renewLeases(owner, key, expiresAt);
            rebalance(tx, owner);
            return assignment(tx, owner, key);
        });
    }

    /** Ends a subscription and hands its buckets to the others at once. */
    public void leave(String owner, String key) {
        store.inTransaction(tx -> {
            lock(tx, owner);
            requireSubscription(tx, owner, key);
            tx.deleteSubscription(owner, key);
            rebalance(tx, owner);
            return null;
        });
    }

    static Owner lock(BusStore.Transaction tx, String owner) {
        return tx.lockOwner(owner).orElseThrow(() -> new OwnerNotFoundException(owner));
    }

    static void requireSubscription(BusStore.Transaction tx, String owner, String key) {
        if (tx.subscriptions(owner).stream().noneMatch(subscription -> subscription.key().equals(key))) {
            throw new SubscriptionNotFoundException(owner, key);
        }
    }

    /** Balances the owner's buckets over its live subscriptions; the caller holds the owner's lock. */
    static void rebalance(BusStore.Transaction tx, String owner) {
        List<String> live = tx.subscriptions(owner).stream()
                .filter(Subscription::live).map(Subscription::key).toList();
        Map<Integer, @Nullable String> grants = Rebalancer.grants(tx.buckets(owner), live);
        if (!grants.isEmpty()) {
            tx.grant(owner, grants, false);
            log.info("Owner [{}] balanced: buckets moved [{}] live subscriptions [{}]", owner, grants.size(),
                    live.size());
        }
    }

    private Assignment assignment(BusStore.Transaction tx, String owner, String key) {
        List<Lease> leases = tx.buckets(owner).stream()
                .filter(bucket -> key.equals(bucket.validHolder()))
                .map(bucket -> new Lease(bucket.bucket(), bucket.epoch(), bucket.leaseExpiresAt()))
                .toList();
        return new Assignment(owner, key, leases, settings.heartbeat());
    }
}
