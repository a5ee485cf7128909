package io.kapivara.hub.reliability;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.JsonNodeFactory;

import io.kapivara.hub.client.HubClient;
import io.kapivara.hub.client.HubClientException;
import io.kapivara.hub.client.LeaseLostException;
import io.kapivara.hub.client.RetryPolicy;
import io.kapivara.hub.client.SeekTarget;
import io.kapivara.hub.client.SubscriptionNotFoundException;
import io.kapivara.hub.client.FetchOptions;
import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.client.model.Commit;
import io.kapivara.hub.client.model.EventData;
import io.kapivara.hub.client.model.FetchResponse;
import io.kapivara.hub.client.model.FetchedEvent;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.testing.HubServerTest;

/**
 * The history checker: producers and consumers run at once while faults are injected (a node
 * freezes past its lease, a node crashes and another replaces it, an operator seeks or releases a
 * bucket); everything acknowledged, delivered, committed and sampled is recorded, then checked.
 * Short by default (CI); {@code -Dhistory.seconds=600} runs the long mode.
 */
@HubServerTest
@DirtiesContext
@TestPropertySource(properties = "hub.bus.lease-ttl=2s")
class HistoryCheckIT {

    private static final Logger log = LoggerFactory.getLogger(HistoryCheckIT.class);

    private static final Duration RUN = Duration.ofSeconds(Long.getLong("history.seconds", 30));
    private static final int STREAMS = 24;
    private static final int PRODUCERS = 3;
    private static final int NODES = 3;

    @LocalServerPort
    int port;

    private final History history = new History();
    private final AtomicBoolean producing = new AtomicBoolean(true);
    private final AtomicBoolean consuming = new AtomicBoolean(true);
    private final Map<Integer, Node> nodes = new java.util.concurrent.ConcurrentHashMap<>();
    private String owner;
    private HubClient hub;

    @Test
    void keepsEveryGuaranteeWhileFaultsAreInjected() throws Exception {
        owner = uniqueOwner();
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            streams.add(uniqueStream("history"));
        }
        try (HubClient client = HubClient.builder().baseUrl("http://127.0.0.1:" + port)
                .requestTimeout(Duration.ofSeconds(10)).retryPolicy(RetryPolicy.NONE).build();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            hub = client;
            hub.putOwner(owner);
            List<Future<?>> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                producers.add(threads.submit(() -> produce(streams)));
            }
            for (int n = 0; n < NODES; n++) {
                startNode(threads, n);
            }
            Future<?> sampler = threads.submit(this::sample);
            injectFaults(threads);
            producing.set(false);
            for (Future<?> producer : producers) {
                producer.get(60, TimeUnit.SECONDS);
            }
            awaitDrained(Duration.ofSeconds(60));
            consuming.set(false);
            sampler.get(30, TimeUnit.SECONDS);
            for (Node node : nodes.values()) {
                node.stop();
            }
        }

        log.info("History: appended [{}] delivered [{}] duplicates [{}] commits [{}] samples [{}] faults {}",
                history.appended.size(), history.delivered.size(), history.duplicates(), history.committed.size(),
                history.samples.size(), history.faults);
        assertThat(history.appended).hasSizeGreaterThan(100);
        assertThat(history.faults).hasSizeGreaterThanOrEqualTo(3);
        assertThat(history.lost()).as("acknowledged events never delivered").isEmpty();
        assertThat(history.orderViolations()).as("per-stream order within a lease").isEmpty();
        assertThat(history.backwardCheckpoints()).as("checkpoints moving backwards without a seek").isEmpty();
        assertThat(history.sharedEpochs()).as("two committers under one epoch").isEmpty();
        assertThat(history.unexplainedDuplicates()).as("duplicates without a lease change").isEmpty();
    }

    private Void produce(List<String> streams) throws InterruptedException {
        while (producing.get()) {
            String stream = streams.get(ThreadLocalRandom.current().nextInt(streams.size()));
            List<EventData> batch = new ArrayList<>();
            for (int i = 0, size = 1 + ThreadLocalRandom.current().nextInt(3); i < size; i++) {
                batch.add(new EventData(UUID.randomUUID(), "history.step",
                        JsonNodeFactory.instance.numberNode(i), null));
            }
            AppendResponse answer = appendUntilAcknowledged(stream, batch);
            answer.events().forEach(position -> history.appended.put(position.id(),
                    new History.Appended(position.id(), stream, position.version())));
            Thread.sleep(5);
        }
        return null;
    }

    private AppendResponse appendUntilAcknowledged(String stream, List<EventData> batch) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return hub.append(stream, batch);
            } catch (HubClientException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private void startNode(ExecutorService threads, int slot) {
        Node node = new Node("node-" + slot + "-" + UUID.randomUUID().toString().substring(0, 6));
        nodes.put(slot, node);
        threads.submit(node::run);
    }

    /** Every few seconds one fault, in turn: freeze, crash and replace, seek, release. */
    private void injectFaults(ExecutorService threads) throws InterruptedException {
        long end = System.nanoTime() + RUN.toNanos();
        int round = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(4_000, Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()))));
            if (System.nanoTime() >= end) {
                break;
            }
            int slot = round % NODES;
            int bucket = ThreadLocalRandom.current().nextInt(16);
            switch (round++ % 4) {
                case 0 -> {
                    nodes.get(slot).freeze(Duration.ofMillis(3_000));
                    history.faults.add("freeze " + nodes.get(slot).key);
                }
                case 1 -> {
                    nodes.get(slot).crash();
                    history.faults.add("crash " + nodes.get(slot).key);
                    startNode(threads, slot);
                }
                case 2 -> {
                    long started = System.nanoTime();
                    hub.seek(owner, bucket, SeekTarget.earliest());
                    history.seeks.add(new History.Seek(bucket, started, System.nanoTime()));
                    history.faults.add("seek bucket " + bucket);
                }
                default -> {
                    hub.release(owner, bucket);
                    history.faults.add("release bucket " + bucket);
                }
            }
        }
    }

    private Void sample() throws InterruptedException {
        while (consuming.get()) {
            long asked = System.nanoTime();
            try {
                OwnerStatus status = hub.owner(owner);
                long answered = System.nanoTime();
                status.buckets().forEach(bucket -> history.samples.add(
                        new History.Sample(bucket.bucket(), bucket.checkpoint(), asked, answered)));
            } catch (HubClientException e) {
                log.debug("History sample failed: {}", e.toString());
            }
            Thread.sleep(150);
        }
        return null;
    }

    private void awaitDrained(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end && !history.lost().isEmpty()) {
            Thread.sleep(250);
        }
    }

    /** One consumer node: heartbeats, fetches with a cursor, records, commits what it handled. */
    private final class Node {

        final String key;
        private volatile boolean crashed;
        private volatile long frozenUntil;
        private String cursor;
        private long nextHeartbeat;

        Node(String key) {
            this.key = key;
        }

        void freeze(Duration duration) {
            frozenUntil = System.nanoTime() + duration.toNanos();
        }

        void crash() {
            crashed = true;
        }

        void stop() {
            crashed = true;
        }

        Void run() throws InterruptedException {
            hub.subscribe(owner, key);
            while (consuming.get() && !crashed) {
                if (System.nanoTime() < frozenUntil) {
                    Thread.sleep(50);
                    continue;
                }
                try {
                    step();
                } catch (SubscriptionNotFoundException e) {
                    hub.subscribe(owner, key);
                    cursor = null;
                } catch (HubClientException e) {
                    Thread.sleep(100);
                }
            }
            return null;
        }

        private void step() {
            if (System.nanoTime() >= nextHeartbeat) {
                hub.heartbeat(owner, key);
                nextHeartbeat = System.nanoTime() + Duration.ofMillis(500).toNanos();
            }
            FetchResponse fetch = hub.fetch(owner, key, FetchOptions.defaults().limit(50)
                    .maxWait(Duration.ofMillis(200)).cursor(cursor));
            Map<Integer, Commit> highest = new HashMap<>();
            for (FetchedEvent event : fetch.events()) {
                history.delivered.add(new History.Delivered(key, event.bucket(), event.epoch(), event.offset(),
                        event.id(), event.stream(), event.version()));
                highest.put(event.bucket(), new Commit(event.bucket(), event.offset(), event.epoch()));
            }
            cursor = fetch.cursor();
            if (System.nanoTime() < frozenUntil || crashed) {
                return;
            }
            for (Commit commit : highest.values()) {
                try {
                    hub.commit(owner, key, List.of(commit));
                    history.committed.add(new History.Committed(key, commit.bucket(), commit.epoch(), commit.offset()));
                } catch (LeaseLostException lost) {
                    log.debug("History node [{}] lost bucket [{}]", key, commit.bucket());
                }
            }
        }
    }
}
