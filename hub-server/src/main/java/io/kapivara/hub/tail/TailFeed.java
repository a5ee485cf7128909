package io.kapivara.hub.tail;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.bus.AppendSignals;
import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.store.RecordedEvent;
import io.kapivara.hub.store.StoreQueries;

/**
 * Follows the store for every tail of this node: one thread reads the events after a global
 * position, hands each to the tails whose filter wants it, and when it has read everything waits
 * for an append notification (at most {@link #IDLE_WAIT}, so a lost notice delays, never stops it).
 * With no tail open it reads nothing; the first tail to open starts it from the store's head.
 */
final class TailFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TailFeed.class);

    /** Events read at once; previews keep frames small, but each event is read whole. */
    static final int PAGE = 100;

    static final Duration IDLE_WAIT = Duration.ofSeconds(1);

    private static final Duration RETRY = Duration.ofSeconds(1);

    private final StoreQueries store;
    private final BusQueries bus;
    private final AppendSignals signals;
    private final TailFrames frames;
    private final int maxSessions;
    private final Set<TailSession> sessions = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    // Guarded by lock: the last global position handed to the tails, and the bucket heads it implies.
    private long cursor;
    private Map<Integer, Long> heads = new HashMap<>();

    TailFeed(StoreQueries store, BusQueries bus, AppendSignals signals, TailFrames frames, int maxSessions) {
        this.store = store;
        this.bus = bus;
        this.signals = signals;
        this.frames = frames;
        this.maxSessions = maxSessions;
        this.thread = Thread.ofPlatform().name("hub-tail-feed").daemon(true).start(this::run);
    }

    /**
     * Adds a tail, which gets every event after the current position, starting with a
     * {@code ready} frame naming it.
     *
     * @return false when this node already serves the most tails it may
     */
    boolean join(TailSession session) {
        synchronized (lock) {
            if (sessions.size() >= maxSessions) {
                return false;
            }
            if (sessions.isEmpty()) {
                restart();
            }
            sessions.add(session);
            session.ready(cursor);
            lock.notifyAll();
        }
        log.debug("Tail joined with filter [{}]; [{}] tails open", session.filter().describe(), sessions.size());
        return true;
    }

    void leave(TailSession session) {
        sessions.remove(session);
    }

    int open() {
        return sessions.size();
    }

    private void run() {
        while (running) {
            try {
                awaitTails();
                if (!step()) {
                    signals.awaitBeyond(snapshotOfHeads(), IDLE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Tail feed failed to read, retrying in {} ms: {}", RETRY.toMillis(), e.toString());
                sleep(RETRY);
            }
        }
    }

    private void awaitTails() throws InterruptedException {
        synchronized (lock) {
            while (running && sessions.isEmpty()) {
                lock.wait();
            }
        }
    }

    /** Reads one page after the cursor and hands it out; false when there was nothing new. */
    private boolean step() {
        long from;
        synchronized (lock) {
            from = cursor;
        }
        List<RecordedEvent> events = store.readAll(from, PAGE, null, null).events();
        if (events.isEmpty()) {
            return false;
        }
        synchronized (lock) {
            // A restart while this page was read may have moved the cursor past some of it.
            events.stream().filter(event -> event.globalPosition() > cursor).forEach(this::deliver);
        }
        return true;
    }

    private void deliver(RecordedEvent event) {
        String frame = null;
        for (TailSession session : sessions) {
            if (session.wants(event)) {
                frame = frame == null ? frames.event(event) : frame;
                session.offer(frame);
            }
        }
        heads.merge(event.bucket(), event.offset(), Math::max);
        cursor = event.globalPosition();
    }

    // The store head is read before the bucket heads: an event committed in between is after the
    // cursor, so it is read, and already counted in the heads, so it cannot wake the feed forever.
    private void restart() {
        cursor = store.totals().events();
        List<Long> bucketHeads = bus.heads();
        Map<Integer, Long> fresh = new HashMap<>();
        for (int bucket = 0; bucket < bucketHeads.size(); bucket++) {
            fresh.put(bucket, bucketHeads.get(bucket));
        }
        heads = fresh;
    }

    private Map<Integer, Long> snapshotOfHeads() {
        synchronized (lock) {
            return Map.copyOf(heads);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
