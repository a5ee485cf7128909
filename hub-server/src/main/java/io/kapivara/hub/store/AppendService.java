package io.kapivara.hub.store;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.shared.HubException;
import io.kapivara.hub.shared.UnavailableException;

/**
 * Appends events to streams: the command side of the store.
 *
 * <p>Concurrent appends share transactions (group commit): one writer thread per node takes every
 * append that waits, decides each one alone, and stores them all in one transaction. An append is
 * acknowledged only after that transaction commits, and each append keeps its own expected-version
 * and idempotency verdict, so sharing a commit changes nothing a caller can observe except speed.
 */
public final class AppendService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppendService.class);

    private final EventLog eventLog;
    private final AppendPlanner planner;
    private final StoreLimits limits;
    private final GroupSettings group;
    private final LinkedBlockingQueue<PendingAppend> queue;
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * @param maxGroupEvents most events one shared transaction stores
     * @param maxQueued      most appends waiting for the writer; more are refused as unavailable
     * @param timeout        how long a caller waits for its append's verdict
     */
    public record GroupSettings(int maxGroupEvents, int maxQueued, Duration timeout) {
    }

    public AppendService(EventLog eventLog, int bucketCount, StoreLimits limits, GroupSettings group) {
        this.eventLog = eventLog;
        this.planner = new AppendPlanner(bucketCount);
        this.limits = limits;
        this.group = group;
        this.queue = new LinkedBlockingQueue<>(group.maxQueued());
        this.writer = Thread.ofPlatform().name("hub-append-writer").daemon().start(this::writeLoop);
    }

    /**
     * Appends the command's events to its stream, all or none.
     *
     * @throws io.kapivara.hub.shared.InvalidRequestException when the command breaks an input rule
     * @throws WrongExpectedVersionException                   when the stream is not where it was expected
     * @throws DuplicateEventIdException                       when ids are stored and this is no exact replay
     * @throws PartitionKeyMismatchException                   when the stream was created with another key
     * @throws UnavailableException                            when the database cannot take it now
     */
    public AppendResult append(AppendCommand command) {
        limits.check(command);
        PendingAppend pending = new PendingAppend(command, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            throw new UnavailableException("Append queue is full or closed: queued [%d] limit [%d]"
                    .formatted(queue.size(), group.maxQueued()));
        }
        if (!running && !writer.isAlive() && queue.remove(pending)) {
            throw new UnavailableException("Append service is closed");
        }
        return await(pending);
    }

    private AppendResult await(PendingAppend pending) {
        try {
            AppendOutcome outcome = pending.verdict().get(group.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return switch (outcome) {
                case AppendOutcome.Stored stored -> stored.result();
                case AppendOutcome.Refused refused -> throw refused.reason();
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Append interrupted while waiting for its commit", e);
        } catch (TimeoutException e) {
            throw new UnavailableException("Append got no verdict within %d ms; retry it with the same event ids"
                    .formatted(group.timeout().toMillis()), e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof HubException || cause instanceof UnavailableException) {
            return (RuntimeException) cause;
        }
        return new IllegalStateException("Append failed: " + cause.getMessage(), cause);
    }

    private void writeLoop() {
        Deque<PendingAppend> deferred = new ArrayDeque<>();
        while (running || !queue.isEmpty() || !deferred.isEmpty()) {
            try {
                List<PendingAppend> next = nextGroup(deferred);
                if (!next.isEmpty()) {
                    commit(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("Append writer failed outside a transaction; continuing", e);
            }
        }
        failAll(deferred);
        failAll(queue);
    }

    /**
     * Forms the next group: appends that share an event id with one already in the group wait for
     * the next one, so that each group sees earlier replays as committed rows.
     */
    private List<PendingAppend> nextGroup(Deque<PendingAppend> deferred) throws InterruptedException {
        if (deferred.isEmpty()) {
            PendingAppend first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first == null) {
                return List.of();
            }
            deferred.add(first);
        }
        queue.drainTo(deferred);
        List<PendingAppend> group = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        int events = 0;
        Deque<PendingAppend> later = new ArrayDeque<>();
        while (!deferred.isEmpty()) {
            PendingAppend candidate = deferred.poll();
            int size = candidate.command().events().size();
            if (!group.isEmpty() && (events + size > this.group.maxGroupEvents() || sharesId(candidate, ids))) {
                later.add(candidate);
                continue;
            }
            candidate.command().events().forEach(event -> ids.add(event.id()));
            events += size;
            group.add(candidate);
        }
        deferred.addAll(later);
        return group;
    }

    private static boolean sharesId(PendingAppend candidate, Set<UUID> ids) {
        return candidate.command().events().stream().anyMatch(event -> ids.contains(event.id()));
    }

    private void commit(List<PendingAppend> group) {
        List<AppendCommand> commands = group.stream().map(PendingAppend::command).toList();
        try {
            List<AppendOutcome> outcomes = eventLog.inTransaction(tx -> planner.append(tx, commands));
            log.debug("Append group committed: appends [{}]", group.size());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).verdict().complete(outcomes.get(i));
            }
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.getFirst().verdict().completeExceptionally(e);
                return;
            }
            // One append may have made the shared transaction fail; give each its own chance.
            log.warn("Append group of [{}] failed, retrying each alone: {}", group.size(), e.toString());
            group.forEach(pending -> commit(List.of(pending)));
        }
    }

    private static void failAll(java.util.Collection<PendingAppend> pending) {
        UnavailableException closed = new UnavailableException("Append service is closed");
        pending.forEach(append -> append.verdict().completeExceptionally(closed));
        pending.clear();
    }

    /** Stops taking appends, finishes those already queued, and stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record PendingAppend(AppendCommand command, CompletableFuture<AppendOutcome> verdict) {
    }
}
