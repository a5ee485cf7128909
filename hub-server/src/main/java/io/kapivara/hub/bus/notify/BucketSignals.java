package io.kapivara.hub.bus.notify;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.kapivara.hub.bus.AppendSignals;

/**
 * The last head offset this node has heard of per bucket, and the fetches waiting for one to
 * move. A waiter registers before it compares, and a notice records the head before it wakes
 * waiters, so no wake-up falls between a waiter's read and its wait.
 */
final class BucketSignals implements AppendSignals {

    private final Map<Integer, Long> heads = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final Map<Integer, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    private record Waiter(Map<Integer, Long> positions, CountDownLatch moved) {
    }

    @Override
    public boolean awaitBeyond(Map<Integer, Long> positions, Duration timeout) throws InterruptedException {
        Waiter waiter = new Waiter(Map.copyOf(positions), new CountDownLatch(1));
        positions.keySet().forEach(bucket ->
                waiters.computeIfAbsent(bucket, b -> ConcurrentHashMap.newKeySet()).add(waiter));
        try {
            if (anyBeyond(waiter.positions())) {
                return true;
            }
            return waiter.moved().await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            positions.keySet().forEach(bucket -> {
                Set<Waiter> set = waiters.get(bucket);
                if (set != null) {
                    set.remove(waiter);
                }
            });
        }
    }

    /** Records new heads and wakes the waiters they concern. */
    void moved(Map<Integer, Long> newHeads) {
        newHeads.forEach((bucket, head) -> heads.merge(bucket, head, Math::max));
        newHeads.forEach((bucket, head) -> {
            Set<Waiter> set = waiters.get(bucket);
            if (set == null) {
                return;
            }
            for (Waiter waiter : set) {
                if (head > waiter.positions().getOrDefault(bucket, Long.MAX_VALUE)) {
                    waiter.moved().countDown();
                }
            }
        });
    }

    /** Wakes every waiter, for when what moved is not known (a lost connection, a large group). */
    void movedEverywhere() {
        waiters.values().forEach(set -> set.forEach(waiter -> waiter.moved().countDown()));
    }

    @Override
    public long changes() {
        return changes.get();
    }

    /** Counts a change of owners, subscriptions or leases (see {@link AppendSignals#changes()}). */
    void changed() {
        changes.incrementAndGet();
    }

    /** How many fetches wait now. */
    int waiting() {
        return (int) waiters.values().stream().flatMap(Set::stream).distinct().count();
    }

    private boolean anyBeyond(Map<Integer, Long> positions) {
        return positions.entrySet().stream()
                .anyMatch(entry -> heads.getOrDefault(entry.getKey(), 0L) > entry.getValue());
    }
}
