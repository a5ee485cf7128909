package io.kapivara.hub.client.consumer;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.client.model.FetchedEvent;

/**
 * Handles the events of one bucket under one lease, in offset order, on a virtual thread of its
 * own. The coordinator queues events and positions; the worker handles them, retries failures,
 * and tracks how far it got. Once stopped or failed it hands nothing more to the handler.
 */
final class BucketWorker {

    private static final Logger log = LoggerFactory.getLogger(BucketWorker.class);

    /** Where a worker is in its life; the last three are final. */
    enum State { RUNNING, FINISHING, STOPPED, FAILED, DONE }

    private sealed interface Work {
    }

    private record Handle(FetchedEvent event) implements Work {
    }

    /** Everything up to this offset is handled once the work before it is: the rest were filtered out. */
    private record Reach(long offset) implements Work {
    }

    private record End() implements Work {
    }

    private record Wake() implements Work {
    }

    private final int bucket;
    private final long epoch;
    private final Handling handling;
    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    // Written by the worker's thread only, read by the coordinator's.
    private volatile long handledOffset = -1;
    private volatile long handledEvents;
    // Used by the coordinator's thread only.
    private long queuedUpTo = -1;

    BucketWorker(int bucket, long epoch, Handling handling) {
        this.bucket = bucket;
        this.epoch = epoch;
        this.handling = handling;
        this.thread = Thread.ofVirtual().name("hub-consumer-%s-bucket-%d-epoch-%d"
                .formatted(handling.owner(), bucket, epoch)).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    int bucket() {
        return bucket;
    }

    long epoch() {
        return epoch;
    }

    State state() {
        return state.get();
    }

    /** Events queued and not yet handled. */
    int backlog() {
        return backlog.get();
    }

    Progress progress() {
        return new Progress(bucket, epoch, handledOffset, handledEvents);
    }

    boolean ended() {
        return !thread.isAlive();
    }

    /**
     * Queues an event, unless the worker no longer takes any or already has it (a fetch that
     * started a bucket over at its checkpoint sends events again).
     *
     * @return whether the event was queued
     */
    boolean offer(FetchedEvent event) {
        if (state.get() != State.RUNNING || event.offset() <= queuedUpTo) {
            return false;
        }
        queuedUpTo = event.offset();
        backlog.incrementAndGet();
        queue.add(new Handle(event));
        return true;
    }

    /** Queues a fetch position: once the events queued before it are handled, so is everything up to it. */
    void reach(long offset) {
        if (state.get() == State.RUNNING && offset > queuedUpTo) {
            queuedUpTo = offset;
            queue.add(new Reach(offset));
        }
    }

    /** Lets the worker handle what it has queued, then end. */
    void finish() {
        if (state.compareAndSet(State.RUNNING, State.FINISHING)) {
            queue.add(new End());
        }
    }

    /** Stops at once: nothing queued is handled; an event being handled completes. */
    void stop() {
        State before = state.getAndUpdate(now -> now == State.FAILED || now == State.DONE ? now : State.STOPPED);
        if (before != State.FAILED && before != State.DONE) {
            release();
        }
    }

    /** Stops at once and interrupts the handler, as a crash of the node would. */
    void crash() {
        stop();
        thread.interrupt();
    }

    /** Waits up to {@code timeout} for the worker's thread to end; false when it did not. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    private boolean handing() {
        State now = state.get();
        return now == State.RUNNING || now == State.FINISHING;
    }

    private void run() {
        try {
            while (handing()) {
                Work work = queue.take();
                if (!handing()) {
                    return;
                }
                switch (work) {
                    case Handle handle -> handle(handle.event());
                    case Reach reach -> handledOffset = Math.max(handledOffset, reach.offset());
                    case End end -> state.compareAndSet(State.FINISHING, State.DONE);
                    case Wake wake -> { }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            handling.wake().run();
        }
    }

    private void handle(FetchedEvent event) throws InterruptedException {
        for (int attempt = 1; handing(); attempt++) {
            Throwable failure = attempt(event);
            if (failure == null) {
                handled(event);
                return;
            }
            if (failure instanceof Error || attempt >= handling.maxAttempts()) {
                fail(event, attempt, failure);
                return;
            }
            Duration wait = handling.backoff().jittered(attempt);
            log.warn("Owner [{}] bucket [{}] event [{}] offset [{}] failed attempt [{}] of [{}], again in [{}] ms: {}",
                    handling.owner(), bucket, event.id(), event.offset(), attempt, handling.maxAttempts(),
                    wait.toMillis(), failure.toString());
            if (stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    private @Nullable Throwable attempt(FetchedEvent event) {
        try {
            handling.handler().handle(event);
            return null;
        } catch (Exception | Error e) {
            return e;
        }
    }

    private void handled(FetchedEvent event) {
        handledOffset = event.offset();
        // Only this thread writes the count, so a plain increment of the volatile is safe.
        handledEvents++;
        backlog.updateAndGet(queued -> Math.max(0, queued - 1));
        handling.wake().run();
    }

    private void fail(FetchedEvent event, int attempts, Throwable cause) {
        if (!state.compareAndSet(State.RUNNING, State.FAILED) && !state.compareAndSet(State.FINISHING, State.FAILED)) {
            return;
        }
        release();
        log.error("Owner [{}] bucket [{}] epoch [{}] stopped: event [{}] offset [{}] stream [{}] failed [{}] times; "
                + "the checkpoint stays before it", handling.owner(), bucket, epoch, event.id(), event.offset(),
                event.stream(), attempts, cause);
        Listeners.bucketFailed(handling.listener(),
                new HandlerFailure(handling.owner(), handling.key(), bucket, epoch, event, attempts, cause));
        if (cause instanceof Error error) {
            throw error;
        }
    }

    /** Drops what is queued and wakes the worker and anyone waiting on it. */
    private void release() {
        queue.clear();
        backlog.set(0);
        stopped.countDown();
        queue.add(new Wake());
    }
}
