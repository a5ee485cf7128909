package io.kapivara.hub.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.client.BucketFunction;

/**
 * (e) Many idle long polls: one owner with a subscription per bucket, and the polls spread over
 * the subscriptions of every bucket but one. While they wait, the hub's database connections in
 * use and its heap are sampled; then a probe owner's poll is woken, again and again, by single
 * appends to the one bucket no idle poll waits on, so the idle polls stay idle while the probe's
 * wake-up is timed (from the append's send to the fetch's answer).
 */
final class IdlePolls {

    private static final long HOLD_MS = 30_000;
    private static final int SAMPLES = 10;

    private final BenchHttp http;
    private final BenchDatabase database;

    IdlePolls(BenchHttp http, BenchDatabase database) {
        this.http = http;
        this.database = database;
    }

    /**
     * @param held               polls the hub counted as waiting
     * @param hikariActive       most pool connections in use while they waited (the listener holds one)
     * @param busyConnections    most of the hub's connections running a statement or transaction
     * @param openConnections    most connections the hub had open to its database
     * @param heapBeforeBytes    heap in use before the polls
     * @param heapHeldBytes      most heap in use while they waited
     * @param wakeUps            wake-up latencies in microseconds
     * @param idleWoken          idle polls that answered before they were released (should be none)
     */
    record Result(int held, int hikariActive, int busyConnections, int openConnections, double heapBeforeBytes,
            double heapHeldBytes, Histogram wakeUps, int idleWoken) {
    }

    Result run(String run, int polls, int wakeUps) throws Exception {
        int buckets = (int) database.count("SELECT count(*) FROM buckets");
        String idleOwner = "bench-idle-" + run;
        String probeOwner = "bench-probe-" + run;
        http.createOwner(idleOwner, "latest");
        http.createOwner(probeOwner, "latest");
        List<Subscriber> idle = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
             Subscriber probe = new Subscriber(http, probeOwner, "probe")) {
            for (int i = 0; i < buckets; i++) {
                idle.add(new Subscriber(http, idleOwner, "idle-" + i));
            }
            idle.forEach(Subscriber::refresh);
            int probeBucket = 0;
            List<Subscriber> waiting = idle.stream().filter(s -> !s.buckets().contains(probeBucket)
                    && !s.buckets().isEmpty()).toList();
            double heapBefore = heap();
            AtomicInteger released = new AtomicInteger();
            AtomicInteger earlyAnswers = new AtomicInteger();
            List<Future<?>> pollsOpen = open(threads, waiting, polls, released, earlyAnswers);
            int held = awaitWaiting(polls);
            Sample sample = sampleWithoutHeartbeats(idle, probe);
            Histogram wakeUpLatencies = wakeUps(threads, probe, streamIn(probeBucket, buckets, run), wakeUps);
            int idleWoken = earlyAnswers.get();
            released.set(1);
            release(waiting, buckets, run);
            for (Future<?> poll : pollsOpen) {
                poll.get(HOLD_MS + 60_000, TimeUnit.MILLISECONDS);
            }
            return new Result(held, sample.hikari(), sample.busy(), sample.open(), heapBefore, sample.heap(),
                    wakeUpLatencies, idleWoken);
        } finally {
            idle.forEach(Subscriber::close);
        }
    }

    private List<Future<?>> open(ExecutorService threads, List<Subscriber> waiting, int polls, AtomicInteger released,
            AtomicInteger earlyAnswers) {
        List<Future<?>> open = new ArrayList<>();
        for (int i = 0; i < polls; i++) {
            Subscriber subscriber = waiting.get(i % waiting.size());
            open.add(threads.submit(() -> {
                http.fetch(subscriber.owner(), subscriber.key(), 10, HOLD_MS, null).expect(200);
                if (released.get() == 0) {
                    earlyAnswers.incrementAndGet();
                }
            }));
        }
        return open;
    }

    private int awaitWaiting(int polls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int waiting = 0;
        while (System.nanoTime() < deadline) {
            waiting = (int) http.metric("hub.fetches.waiting");
            if (waiting >= polls) {
                return waiting;
            }
            Thread.sleep(100);
        }
        return waiting;
    }

    private record Sample(int hikari, int busy, int open, double heap) {
    }

    /**
     * Samples right after a heartbeat of every subscription, with heartbeats held back meanwhile
     * (two seconds, well within the lease), so the figures show what the waiting polls cost and
     * not the transactions of the benchmark's own heartbeats.
     */
    private Sample sampleWithoutHeartbeats(List<Subscriber> idle, Subscriber probe) throws Exception {
        List<Subscriber> all = new ArrayList<>(idle);
        all.add(probe);
        all.forEach(subscriber -> subscriber.pauseHeartbeats(true));
        try {
            all.forEach(Subscriber::refresh);
            return sample();
        } finally {
            all.forEach(subscriber -> subscriber.pauseHeartbeats(false));
        }
    }

    private Sample sample() throws Exception {
        int hikari = 0;
        int busy = 0;
        int open = 0;
        double heap = 0;
        try (Connection connection = database.connect()) {
            for (int i = 0; i < SAMPLES; i++) {
                hikari = Math.max(hikari, (int) http.metric("hikaricp.connections.active", "pool:hub"));
                BenchDatabase.ConnectionCount count = database.connections(connection);
                busy = Math.max(busy, count.busy());
                open = Math.max(open, count.connected());
                heap = Math.max(heap, heap());
                Thread.sleep(200);
            }
        }
        return new Sample(hikari, busy, open, heap);
    }

    private double heap() {
        return http.metric("jvm.memory.used", "area:heap");
    }

    private Histogram wakeUps(ExecutorService threads, Subscriber probe, String stream, int count) throws Exception {
        Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        String cursor = http.fetch(probe.owner(), probe.key(), 100, 0, null).expect(200).json().path("cursor")
                .asString();
        for (int i = 0; i < count; i++) {
            String from = cursor;
            Future<Answered> woken = threads.submit(() -> {
                JsonNode fetch = http.fetch(probe.owner(), probe.key(), 100, 10_000, from).expect(200).json();
                return new Answered(System.nanoTime(), fetch);
            });
            Thread.sleep(50);
            long sent = System.nanoTime();
            http.append(stream, null, BenchHttp.event(BenchHttp.eventId(), "bench.wake", "{}")).expect(200, 201);
            Answered answered = woken.get(30, TimeUnit.SECONDS);
            if (answered.fetch().path("events").isEmpty()) {
                throw new IllegalStateException("The probe's poll answered without the appended event");
            }
            latencies.recordValue(Math.max(1, (answered.at() - sent) / 1_000));
            cursor = answered.fetch().path("cursor").asString();
        }
        return latencies;
    }

    private record Answered(long at, JsonNode fetch) {
    }

    /** Ends the idle polls early: one event in each bucket they wait on. */
    private void release(List<Subscriber> waiting, int buckets, String run) {
        for (Subscriber subscriber : waiting) {
            for (int bucket : subscriber.buckets()) {
                http.append(streamIn(bucket, buckets, run), null,
                        BenchHttp.event(BenchHttp.eventId(), "bench.release", "{}")).expect(200, 201);
            }
        }
    }

    /** A stream name of this run that the hub's bucket function puts in {@code bucket}. */
    private static String streamIn(int bucket, int buckets, String run) {
        for (int n = 0; ; n++) {
            String stream = "wake-" + run + "_" + n;
            if (BucketFunction.bucketOf(stream, buckets) == bucket) {
                return stream;
            }
        }
    }
}
