package io.kapivara.hub.client.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.client.FetchOptions;
import io.kapivara.hub.client.HubClient;
import io.kapivara.hub.client.HubClientException;
import io.kapivara.hub.client.HubInterruptedException;
import io.kapivara.hub.client.HubTransientException;
import io.kapivara.hub.client.LeaseLostException;
import io.kapivara.hub.client.OffsetRefusedException;
import io.kapivara.hub.client.OwnerNotFoundException;
import io.kapivara.hub.client.OwnerOptions;
import io.kapivara.hub.client.SubscriptionNotFoundException;
import io.kapivara.hub.client.model.Commit;
import io.kapivara.hub.client.model.FetchResponse;

/**
 * The one loop of a node that talks to the hub: each step either heartbeats, commits, fetches or
 * waits, whichever is due first. Doing all of it on one thread means every answer of the hub is
 * newer than the one before, so what the node believes it holds never goes back in time.
 *
 * <p>Fetches long-poll, but never past the next heartbeat or a due commit, and only while every
 * bucket's worker has room. On close the loop stops fetching, lets the workers finish what they
 * have (up to the close timeout), commits, and leaves.
 */
final class Coordinator implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Coordinator.class);

    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(1).toNanos();

    /** Thrown inside the loop once the node crashed on purpose, to leave it at once. */
    private static final class Crashed extends RuntimeException {
        Crashed() {
            super("crashed", null, false, false);
        }
    }

    private final HubClient client;
    private final ConsumerSettings settings;
    private final ConsumerListener listener;
    private final Membership membership;
    private final CommitTracker commits;
    private final Workers workers;
    private volatile @Nullable Thread thread;
    private volatile boolean closeRequested;
    private volatile boolean crashed;
    private boolean draining;
    private boolean ownerReady;
    private @Nullable String cursor;
    private int failures;

    Coordinator(HubClient client, ConsumerSettings settings, EventHandler handler, ConsumerListener listener) {
        this.client = client;
        this.settings = settings;
        this.listener = listener;
        this.membership = new Membership(client, settings.owner(), settings.key());
        this.commits = new CommitTracker(settings.commitEvery(), settings.commitInterval(), System.nanoTime());
        Handling handling = new Handling(settings.owner(), settings.key(), handler, settings.maxAttempts(),
                settings.handlerBackoff(), listener, this::wake);
        this.workers = new Workers(handling, settings.maxBacklog(), commits::forget);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            while (!closeRequested) {
                step();
            }
            drain();
        } catch (Crashed | HubInterruptedException e) {
            workers.crash();
            log.warn("Owner [{}] key [{}] stopped abruptly: nothing more committed, not left", settings.owner(),
                    settings.key());
        } catch (RuntimeException e) {
            workers.stop();
            log.error("Owner [{}] key [{}] stopped by an unexpected failure (was its HubClient closed first?): "
                    + "nothing more handled, committed or left", settings.owner(), settings.key(), e);
        }
    }

    /** Asks the loop to finish its work, commit and leave. */
    void requestClose() {
        closeRequested = true;
        wake();
    }

    /** Stops the loop and the workers at once, without committing or leaving. */
    void crash() {
        crashed = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    private void wake() {
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    private void step() {
        long now = System.nanoTime();
        if (settings.ownerOptions() != null && !ownerReady) {
            attempt("owner", this::putOwner);
        } else if (membership.due(now)) {
            attempt("heartbeat", this::beat);
        } else if (commitDue(now)) {
            attempt("commit", this::commit);
        } else if (workers.haveRoom()) {
            attempt("fetch", this::fetch);
        } else {
            idle(now);
        }
    }

    private void drain() {
        draining = true;
        workers.finish();
        long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
        while (!workers.ended() && System.nanoTime() - deadline < 0) {
            long now = System.nanoTime();
            // Heartbeats keep the leases for the last commit; a node that is not subscribed stays so.
            if (membership.subscribed() && membership.due(now)) {
                attempt("heartbeat", this::beat);
            } else if (commitDue(now)) {
                attempt("commit", this::commit);
            } else {
                idle(now);
            }
        }
        finish();
    }

    private void finish() {
        workers.stop();
        guard();
        attemptOnce("commit", this::commit);
        attemptOnce("leave", membership::leave);
        log.info("Owner [{}] key [{}] closed", settings.owner(), settings.key());
    }

    private void putOwner() {
        OwnerOptions options = settings.ownerOptions();
        if (options != null) {
            client.putOwner(settings.owner(), options);
        }
        ownerReady = true;
    }

    private void beat() {
        Map<Integer, Long> held = membership.beat(System.nanoTime());
        workers.hold(held, !draining);
    }

    private void fetch() {
        FetchResponse answer;
        try {
            answer = client.fetch(settings.owner(), settings.key(), FetchOptions.defaults()
                    .limit(settings.fetchLimit()).maxWait(fetchWait(System.nanoTime())).linger(settings.fetchLinger())
                    .cursor(cursor));
        } catch (SubscriptionNotFoundException | OwnerNotFoundException e) {
            log.warn("Owner [{}] key [{}] fetch found no subscription; subscribing again", settings.owner(),
                    settings.key());
            membership.lost();
            return;
        }
        cursor = answer.cursor();
        workers.hold(held(answer.positions()), true);
        workers.dispatch(answer.events(), answer.positions());
    }

    /** The fetch's wait: never past the next heartbeat, nor past a due commit while work is in progress. */
    private Duration fetchWait(long now) {
        long wait = Math.min(settings.fetchWait().toNanos(), membership.nanosUntilDue(now));
        wait = Math.min(wait, commits.nanosUntilDue(workers.progress(), now));
        if (workers.busy()) {
            wait = Math.min(wait, settings.commitInterval().toNanos());
        }
        return Duration.ofMillis(Math.max(0, wait) / 1_000_000);
    }

    private static Map<Integer, Long> held(List<Commit> positions) {
        Map<Integer, Long> held = new TreeMap<>();
        positions.forEach(position -> held.put(position.bucket(), position.epoch()));
        return held;
    }

    private boolean commitDue(long now) {
        return commits.due(workers.progress(), now);
    }

    private void commit() {
        List<Progress> progress = workers.progress();
        List<Commit> pending = commits.pending(progress);
        if (pending.isEmpty()) {
            return;
        }
        try {
            client.commit(settings.owner(), settings.key(), pending);
            commits.committed(progress, System.nanoTime());
            log.debug("Owner [{}] key [{}] committed [{}]", settings.owner(), settings.key(), pending);
        } catch (LeaseLostException e) {
            workers.end(e.bucket(), e.epoch());
        } catch (OffsetRefusedException e) {
            refused(e.getMessage(), pending, e.bucket());
        } catch (SubscriptionNotFoundException e) {
            membership.lost();
        }
    }

    /**
     * A commit the hub refuses for its offset points at a bug, here or in the hub; it is logged and
     * not sent again, so that the other buckets' commits go on. The bucket commits again once its
     * worker gets further.
     */
    private void refused(String reason, List<Commit> pending, int bucket) {
        log.error("Owner [{}] key [{}] bucket [{}] commit refused, not sent again: {}", settings.owner(),
                settings.key(), bucket, reason);
        pending.stream().filter(commit -> commit.bucket() == bucket).findFirst()
                .ifPresent(commit -> commits.settle(commit.bucket(), commit.epoch(), commit.offset()));
    }

    private void idle(long now) {
        long wait = Math.min(MAX_IDLE_NANOS, membership.nanosUntilDue(now));
        wait = Math.min(wait, commits.nanosUntilDue(workers.progress(), now));
        if (wait > 0) {
            LockSupport.parkNanos(this, wait);
        }
        guard();
    }

    private void attempt(String operation, Runnable action) {
        try {
            guard();
            action.run();
            failures = 0;
        } catch (HubInterruptedException e) {
            throw e;
        } catch (HubClientException e) {
            backOff(operation, e);
        }
    }

    private void attemptOnce(String operation, Runnable action) {
        try {
            action.run();
        } catch (HubInterruptedException e) {
            throw e;
        } catch (HubClientException e) {
            log.warn("Owner [{}] key [{}] {} on close failed: {}", settings.owner(), settings.key(), operation,
                    e.getMessage());
        }
    }

    private void backOff(String operation, HubClientException failure) {
        failures++;
        Duration wait = settings.hubBackoff().jittered(failures);
        if (failure instanceof HubTransientException) {
            log.warn("Owner [{}] key [{}] {} failed [{}] times in a row, again in [{}] ms: {}", settings.owner(),
                    settings.key(), operation, failures, wait.toMillis(), failure.getMessage());
        } else {
            log.error("Owner [{}] key [{}] {} refused [{}] times in a row, again in [{}] ms: {}", settings.owner(),
                    settings.key(), operation, failures, wait.toMillis(), failure.getMessage());
        }
        Listeners.transientFailure(listener, operation, failure, wait);
        sleep(wait);
    }

    /** Sleeps, waking early for a close request unless already draining. */
    private void sleep(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && (draining || !closeRequested)) {
            LockSupport.parkNanos(this, left);
            guard();
        }
    }

    private void guard() {
        if (crashed) {
            throw new Crashed();
        }
    }
}
