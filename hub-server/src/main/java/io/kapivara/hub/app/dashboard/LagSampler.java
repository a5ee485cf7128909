package io.kapivara.hub.app.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.bus.web.BusWire;
import io.kapivara.hub.client.model.OwnerSummary;
import io.kapivara.hub.dashboard.LagHistory;

/**
 * Samples every owner's lag at a fixed interval and keeps the last samples of each in a ring
 * buffer. The samples live in this node's memory only: they start empty at each start, and two
 * nodes keep two histories.
 */
final class LagSampler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LagSampler.class);

    private final BusQueries bus;
    private final Duration interval;
    private final int capacity;
    private final Map<String, Deque<LagHistory.Sample>> samples = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    LagSampler(BusQueries bus, Duration interval, int capacity) {
        this.bus = bus;
        this.interval = interval;
        this.capacity = capacity;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("hub-lag-sampler").daemon(true).factory());
        timer.scheduleWithFixedDelay(this::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The owner's samples, oldest first. */
    LagHistory history(String owner) {
        Deque<LagHistory.Sample> kept = samples.get(owner);
        if (kept == null) {
            return new LagHistory(interval, capacity, List.of());
        }
        synchronized (kept) {
            return new LagHistory(interval, capacity, List.copyOf(kept));
        }
    }

    /** Takes one sample of every owner, and forgets owners that no longer exist. */
    void sample() {
        Instant now = Instant.now();
        List<OwnerSummary> owners = bus.owners().stream().map(view -> BusWire.summary(view, now)).toList();
        owners.forEach(owner -> add(owner.owner(), new LagHistory.Sample(now, owner.lag(), owner.lagSeconds())));
        Set<String> names = owners.stream().map(OwnerSummary::owner).collect(Collectors.toSet());
        samples.keySet().retainAll(names);
    }

    private void add(String owner, LagHistory.Sample sample) {
        Deque<LagHistory.Sample> kept = samples.computeIfAbsent(owner, name -> new ArrayDeque<>(capacity));
        synchronized (kept) {
            if (kept.size() == capacity) {
                kept.removeFirst();
            }
            kept.addLast(sample);
        }
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("Lag sampler failed, next try in {} ms: {}", interval.toMillis(), e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
