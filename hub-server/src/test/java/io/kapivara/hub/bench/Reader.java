package io.kapivara.hub.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A subscription's read loop as an application would write it: fetch with the cursor, handle,
 * commit the positions the fetch gave. Commits go out on a thread of their own, as the client's
 * consumer runtime sends them: the next fetch does not wait for the last commit (the cursor says
 * where to go on), and a commit that finds newer positions waiting sends only those, since they
 * cover everything before them. It commits after every fetch that brought events, more often than
 * the client's runtime does by default (every 100 events or every second). Its fetches linger 5 ms
 * once woken, as the runtime's do by default, so that a reader that keeps up fetches about once
 * per linger, not once per append.
 *
 * <p>Should a lease lapse on a starved machine (a commit answers 409), the next fetch heartbeats,
 * drops the cursor and goes on from the checkpoint; events it sees a second time that way are not
 * handed out again (it remembers global positions), so counts and latencies stay those of first
 * deliveries.
 */
final class Reader implements AutoCloseable {

    /** The consumer runtime's default {@code fetchLinger}; {@code -Dbench.lingerMs=0} fetches without. */
    static final long LINGER_MS = Long.getLong("bench.lingerMs", 5);

    private final BenchHttp http;
    private final Subscriber subscriber;
    private final BitSet seen = new BitSet();
    private final AtomicReference<@Nullable String> toCommit = new AtomicReference<>();
    private final Thread committer;
    private volatile boolean open = true;
    private volatile boolean committing;
    private volatile boolean leaseLost;
    private @Nullable String cursor;
    private int leasesLost;

    Reader(BenchHttp http, Subscriber subscriber, @Nullable String cursor) {
        this.http = http;
        this.subscriber = subscriber;
        this.cursor = cursor;
        this.committer = Thread.ofVirtual().name("commits-" + subscriber.key()).start(this::commitLoop);
    }

    /** What one fetch brought that was not seen before, and when its answer arrived (nanoTime). */
    record Batch(long answeredAt, List<JsonNode> events) {
    }

    Batch next(int limit, long waitMs) {
        if (leaseLost) {
            leaseLost = false;
            leasesLost++;
            subscriber.refresh();
            cursor = null;
        }
        JsonNode fetch = http.fetch(subscriber.owner(), subscriber.key(), limit, waitMs, LINGER_MS, cursor)
                .expect(200).json();
        long answeredAt = System.nanoTime();
        List<JsonNode> fresh = new ArrayList<>();
        for (JsonNode event : fetch.path("events")) {
            int position = Math.toIntExact(event.path("globalPosition").asLong());
            if (!seen.get(position)) {
                seen.set(position);
                fresh.add(event);
            }
        }
        cursor = fetch.path("cursor").asString();
        if (!fetch.path("events").isEmpty()) {
            toCommit.set(fetch.path("positions").toString());
            LockSupport.unpark(committer);
        }
        return new Batch(answeredAt, fresh);
    }

    /** Waits until every position handed to the committer so far is committed (or refused). */
    void flush() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((toCommit.get() != null || committing) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private void commitLoop() {
        while (open || toCommit.get() != null) {
            committing = true;
            String positions = toCommit.getAndSet(null);
            if (positions == null) {
                committing = false;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                continue;
            }
            try {
                commit(positions);
            } catch (RuntimeException e) {
                System.err.println("Reader [" + subscriber.key() + "] commit failed: " + e);
            } finally {
                committing = false;
            }
        }
    }

    private void commit(String positions) {
        BenchHttp.Answer answer = http.commit(subscriber.owner(), subscriber.key(), positions);
        if (answer.status() == 409) {
            // Positions read under the lost lease are worth nothing now: drop them too.
            toCommit.set(null);
            leaseLost = true;
            return;
        }
        answer.expect(204);
    }

    /** How often a lease lapsed and reading went on from the checkpoint. */
    int leasesLost() {
        return leasesLost;
    }

    /** Commits what is left, then stops the committer. */
    @Override
    public void close() {
        flush();
        open = false;
        LockSupport.unpark(committer);
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
