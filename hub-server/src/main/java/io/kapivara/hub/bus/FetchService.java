package io.kapivara.hub.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.UnavailableException;
import io.kapivara.hub.store.RecordedEvent;

/**
 * Hands a subscription the events of the buckets it holds, fairly across buckets and in order
 * within each, long-polling when there are none. A fetch reads the owner, the key's subscription
 * and its held buckets at once ({@link FetchStart}), then the events, one read per round; a
 * waiting fetch holds no database connection.
 */
public final class FetchService {

    private static final int MAX_ROUNDS = 8;
    private static final Duration MAX_LINGER = Duration.ofSeconds(1);

    private final BusStore store;
    private final BucketReader reader;
    private final AppendSignals signals;
    private final BusSettings settings;
    private final Semaphore waiting;

    public FetchService(BusStore store, BucketReader reader, AppendSignals signals, BusSettings settings) {
        this.store = store;
        this.reader = reader;
        this.signals = signals;
        this.settings = settings;
        this.waiting = new Semaphore(settings.maxWaitingPolls());
    }

    /**
     * What a fetch found.
     *
     * @param positions per held bucket, the offset read up to and its epoch; committing a bucket's
     *                  position once its events are handled is safe
     * @param paused    whether the owner is paused (then no events are handed out)
     */
    public record Fetch(List<FetchedEvent> events, FetchCursor positions, boolean paused) {
    }

    /** How many fetches wait on this node now. */
    public int waitingPolls() {
        return settings.maxWaitingPolls() - waiting.availablePermits();
    }

    /**
     * @param wait   how long to wait for events when there are none
     * @param linger how long a fetch lets events gather, never past {@code wait}: with fewer than
     *               {@code limit} events it answers no sooner than this long after it came (reading
     *               again then), and one that had to wait for a notice sleeps this long once woken.
     *               A consumer that keeps up then makes about one request per linger, not one per
     *               append group, and seldom needs a notice to wake it, at the cost of that much
     *               latency
     * @param cursor where the previous fetch ended; without one, each bucket starts at its checkpoint
     * @throws SubscriptionNotFoundException when the key is not subscribed
     */
    public Fetch fetch(String owner, String key, int limit, Duration wait, Duration linger,
            @Nullable FetchCursor cursor) {
        check(limit, wait, linger);
        long arrival = System.nanoTime();
        long deadline = arrival + wait.toNanos();
        long changes = signals.changes();
        FetchStart start = start(owner, key);
        Map<Integer, FetchCursor.Position> positions = positions(start.held(), cursor);
        if (start.paused() || positions.isEmpty()) {
            pause(deadline);
            return new Fetch(List.of(), new FetchCursor(positions), start.paused());
        }
        EventFilter filter = start.filter();
        // With fewer than limit events, the fetch answers no sooner than this, unless its wait is up.
        long answerFrom = Math.min(arrival + linger.toNanos(), deadline);
        List<FetchedEvent> found = new ArrayList<>();
        // Where the events found so far were read from, should a change make them void.
        Map<Integer, FetchCursor.Position> before = positions;
        while (true) {
            if (found.isEmpty()) {
                before = new TreeMap<>(positions);
            }
            found.addAll(read(filter, limit - found.size(), positions));
            long now = System.nanoTime();
            if (found.size() >= limit || now >= deadline || (!found.isEmpty() && now >= answerFrom)) {
                return new Fetch(found, new FetchCursor(positions), false);
            }
            boolean woken;
            if (now < answerFrom && linger(answerFrom - now)) {
                // Lingered: more events may have gathered; read again before waiting for a notice.
                woken = true;
            } else if (!found.isEmpty()) {
                return new Fetch(found, new FetchCursor(positions), false);
            } else {
                woken = await(offsets(positions), Duration.ofNanos(deadline - now));
                if (woken) {
                    linger(Math.min(linger.toNanos(), deadline - System.nanoTime()));
                }
            }
            // The wait may have been long: the owner may have been paused, the subscription ended
            // or a bucket moved meanwhile, and nothing is handed out, nor any fact answered, under
            // what no longer holds. Read again only when some node told of such a change, from
            // where the events found so far were read: they are read again under what holds now.
            long heard = signals.changes();
            if (heard != changes) {
                changes = heard;
                start = start(owner, key);
                positions = positions(start.held(), new FetchCursor(found.isEmpty() ? positions : before));
                found.clear();
                if (start.paused() || positions.isEmpty()) {
                    return new Fetch(List.of(), new FetchCursor(positions), start.paused());
                }
                filter = start.filter();
            }
            if (!woken) {
                return new Fetch(found, new FetchCursor(positions), false);
            }
        }
    }

    private FetchStart start(String owner, String key) {
        FetchStart start = store.reads().fetchStart(owner, key).orElseThrow(() -> new OwnerNotFoundException(owner));
        if (!start.subscribed()) {
            throw new SubscriptionNotFoundException(owner, key);
        }
        return start;
    }

    /**
     * Reads in rounds: each round asks every bucket that may hold more for an equal share of
     * what is still wanted, so a fetch fills up even when only one bucket has a backlog, and no
     * bucket crowds out the others.
     */
    private List<FetchedEvent> read(EventFilter filter, int limit, Map<Integer, FetchCursor.Position> positions) {
        List<FetchedEvent> events = new ArrayList<>();
        Set<Integer> open = new HashSet<>(positions.keySet());
        // Bounded, so that a filter refusing a long backlog cannot keep one fetch reading for ever.
        for (int round = 0; round < MAX_ROUNDS && events.size() < limit && !open.isEmpty(); round++) {
            int share = Math.max(1, (limit - events.size() + open.size() - 1) / open.size());
            Map<Integer, Long> from = new HashMap<>();
            open.forEach(bucket -> from.put(bucket, positions.get(bucket).offset()));
            Map<Integer, List<RecordedEvent>> read = reader.readAfter(from, share);
            read.forEach((bucket, list) -> {
                if (list.size() < share) {
                    open.remove(bucket);
                }
            });
            events.addAll(interleave(filter, read, positions, limit - events.size()));
        }
        return events;
    }

    /**
     * Takes one event from each bucket in turn until the limit, skipping those the owner's filter
     * refuses; every bucket's position moves past all it read, kept or skipped.
     */
    private static List<FetchedEvent> interleave(EventFilter filter, Map<Integer, List<RecordedEvent>> read,
            Map<Integer, FetchCursor.Position> positions, int limit) {
        List<FetchedEvent> events = new ArrayList<>();
        Map<Integer, Iterator<RecordedEvent>> cursors = new TreeMap<>();
        read.forEach((bucket, list) -> cursors.put(bucket, list.iterator()));
        boolean more = true;
        while (more && events.size() < limit) {
            more = false;
            for (Map.Entry<Integer, Iterator<RecordedEvent>> entry : cursors.entrySet()) {
                if (!entry.getValue().hasNext() || events.size() >= limit) {
                    continue;
                }
                more = true;
                RecordedEvent event = entry.getValue().next();
                FetchCursor.Position at = positions.get(entry.getKey());
                positions.put(entry.getKey(), new FetchCursor.Position(event.offset(), at.epoch()));
                if (filter.matches(event.type(), event.stream())) {
                    events.add(new FetchedEvent(event, at.epoch()));
                }
            }
        }
        return events;
    }

    /** Positions of the buckets the key holds: the cursor's where its epoch still holds, else the checkpoint. */
    private static Map<Integer, FetchCursor.Position> positions(List<FetchStart.Held> held,
            @Nullable FetchCursor cursor) {
        Map<Integer, FetchCursor.Position> positions = new TreeMap<>();
        for (FetchStart.Held bucket : held) {
            FetchCursor.Position previous = cursor == null ? null : cursor.positions().get(bucket.bucket());
            // A cursor continues only within what exists: from the checkpoint to the head.
            boolean continues = previous != null && previous.epoch() == bucket.epoch()
                    && previous.offset() >= bucket.checkpoint() && previous.offset() <= bucket.head();
            positions.put(bucket.bucket(), continues ? previous
                    : new FetchCursor.Position(bucket.checkpoint(), bucket.epoch()));
        }
        return positions;
    }

    private static Map<Integer, Long> offsets(Map<Integer, FetchCursor.Position> positions) {
        Map<Integer, Long> offsets = new HashMap<>();
        positions.forEach((bucket, position) -> offsets.put(bucket, position.offset()));
        return offsets;
    }

    private boolean await(Map<Integer, Long> offsets, Duration timeout) {
        if (!waiting.tryAcquire()) {
            throw new UnavailableException("Too many fetches are waiting on this node: limit [%d]"
                    .formatted(settings.maxWaitingPolls()));
        }
        try {
            return signals.awaitBeyond(offsets, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.release();
        }
    }

    /** A paused owner's or an idle subscription's fetch waits out its time, so clients do not spin. */
    private void pause(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return;
        }
        if (!waiting.tryAcquire()) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.release();
        }
    }

    /**
     * Sleeps, counted among the waiting fetches; false, without sleeping, when as many wait as
     * may already (the fetch then answers what it has) or there is no time to wait.
     */
    private boolean linger(long nanos) {
        if (nanos <= 0 || !waiting.tryAcquire()) {
            return false;
        }
        try {
            Thread.sleep(Duration.ofNanos(nanos));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.release();
        }
    }

    private void check(int limit, Duration wait, Duration linger) {
        if (linger.isNegative() || linger.compareTo(MAX_LINGER) > 0) {
            throw new InvalidRequestException("lingerMs", linger.toMillis(),
                    "A fetch lingers 0 to " + MAX_LINGER.toMillis() + " ms");
        }
        if (limit < 1 || limit > settings.maxFetchLimit()) {
            throw new InvalidRequestException("limit", limit, "A fetch limit is 1 to " + settings.maxFetchLimit());
        }
        if (wait.isNegative() || wait.compareTo(settings.maxWait()) > 0) {
            throw new InvalidRequestException("waitMs", wait.toMillis(),
                    "A fetch waits 0 to " + settings.maxWait().toMillis() + " ms");
        }
    }
}
