package io.kapivara.hub.tail;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.kapivara.hub.store.RecordedEvent;

/**
 * One browser's tail: its filter, and a bounded queue of frames between the feed, which must never
 * wait for a browser, and the browser's connection, which may be slow or stalled.
 *
 * <p>The feed only ever offers: when the queue is full the frame is dropped and counted, and the
 * count goes into the queue as a {@code skipped} frame as soon as there is room, at the place of
 * the gap. Memory per tail is thus bounded by the queue's capacity times the largest frame.
 */
final class TailSession {

    /** Where the frames go: a browser's connection. Called from one thread at a time. */
    interface Sink {
        void send(String frame) throws IOException;
    }

    private static final long IDLE_POLL_MILLIS = 250;

    private final TailFilter filter;
    private final TailFrames frames;
    private final BlockingQueue<String> queue;
    private final Sink sink;
    // Guarded by this: frames dropped for want of room, events that came while paused, pausing.
    private long skipped;
    private long missed;
    private boolean paused;
    private volatile boolean open = true;

    TailSession(TailFilter filter, int capacity, TailFrames frames, Sink sink) {
        this.filter = filter;
        this.frames = frames;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
    }

    boolean wants(RecordedEvent event) {
        return filter.matches(event);
    }

    TailFilter filter() {
        return filter;
    }

    /** Queues an event's frame, or counts it when paused or when the queue is full. Never waits. */
    synchronized void offer(String frame) {
        if (paused) {
            missed++;
            return;
        }
        enqueue(frame);
    }

    /** Queues the first frame, saying where the tail starts. */
    synchronized void ready(long after) {
        enqueue(frames.ready(after, filter));
    }

    /** Stops queueing events; they are counted and reported on {@link #resume()}. */
    synchronized void pause() {
        if (!paused) {
            paused = true;
            queue.offer(frames.paused());
        }
    }

    synchronized void resume() {
        if (paused) {
            paused = false;
            queue.offer(frames.resumed());
            if (missed > 0 && !queue.offer(frames.skipped(missed, "paused"))) {
                // No room: they are reported with the next count of skipped events.
                skipped += missed;
            }
            missed = 0;
        }
    }

    /** How many frames wait to be sent. */
    int queued() {
        return queue.size();
    }

    /**
     * Sends queued frames until {@link #close()} or until sending fails; run on a thread of its own.
     *
     * @throws IOException when the connection fails
     */
    void drain() throws IOException, InterruptedException {
        while (open) {
            String frame = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (frame == null) {
                reportSkipped();
            } else {
                sink.send(frame);
            }
        }
    }

    void close() {
        open = false;
    }

    private void enqueue(String frame) {
        if (skipped > 0) {
            if (!queue.offer(frames.skipped(skipped, "slow"))) {
                skipped++;
                return;
            }
            skipped = 0;
        }
        if (!queue.offer(frame)) {
            skipped++;
        }
    }

    // After a burst nothing may follow to carry the count: report it once the queue has room.
    private synchronized void reportSkipped() {
        if (skipped > 0 && queue.offer(frames.skipped(skipped, "slow"))) {
            skipped = 0;
        }
    }
}
