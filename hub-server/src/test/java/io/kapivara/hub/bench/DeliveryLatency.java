package io.kapivara.hub.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * (c) Append-to-delivery latency: single-event appends at a steady rate (open loop: each is sent
 * at its scheduled time, whatever the previous ones did), and one subscription long-polling with
 * its cursor and committing what it got. Each event carries its scheduled send time; the latency
 * is from that time to the moment the fetch that delivers it answers, so a late send counts too.
 */
final class DeliveryLatency {

    private static final int STREAMS = 64;
    private static final int MAX_IN_FLIGHT = 512;

    private final BenchHttp http;

    DeliveryLatency(BenchHttp http) {
        this.http = http;
    }

    /**
     * Latencies in microseconds of events sent after the warm-up: to delivery, and to the append's
     * answer (the part of the delivery latency the append itself took); sent and received count
     * every event.
     */
    record Result(Histogram latencies, Histogram appends, long sent, long received, double achievedRate) {
    }

    Result run(String run, int rate, Duration time, Duration warmup) throws Exception {
        String owner = "bench-latency-" + run;
        http.createOwner(owner, "latest");
        Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        Histogram appends = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong received = new AtomicLong();
        try (Subscriber subscriber = new Subscriber(http, owner, "consumer");
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            String cursor = http.fetch(owner, "consumer", 1, 0, null).expect(200).json().path("cursor").asString();
            long start = System.nanoTime() + 50_000_000L;
            long recordFrom = start + warmup.toNanos();
            long total = rate * time.toMillis() / 1_000;
            AtomicLong producing = new AtomicLong(total);
            long deadline = start + time.toNanos() + TimeUnit.SECONDS.toNanos(30);
            Future<?> consumer = threads.submit(() -> consume(subscriber, cursor, recordFrom, deadline, latencies,
                    received, producing));
            long sent = produce(threads, run, rate, total, start, recordFrom, appends);
            double achieved = sent / ((System.nanoTime() - start) / 1e9);
            producing.set(sent);
            consumer.get(time.toMillis() + 60_000, TimeUnit.MILLISECONDS);
            return new Result(latencies, appends, sent, received.get(), achieved);
        }
    }

    private long produce(ExecutorService threads, String run, int rate, long total, long start, long recordFrom,
            Histogram appends) throws Exception {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long interval = 1_000_000_000L / rate;
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Appends stopped answering: " + MAX_IN_FLIGHT + " in flight");
            }
            String stream = "latency-" + run + "_" + (i % STREAMS);
            String event = BenchHttp.event(BenchHttp.eventId(), "bench.latency", "{\"sentAt\": " + scheduled + "}");
            threads.submit(() -> {
                try {
                    http.append(stream, null, event).expect(200, 201);
                    if (scheduled >= recordFrom) {
                        appends.recordValue(Math.max(1, (System.nanoTime() - scheduled) / 1_000));
                    }
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(MAX_IN_FLIGHT);
        return total;
    }

    /** Fetches until it has every event produced, or until the deadline. */
    private void consume(Subscriber subscriber, String firstCursor, long recordFrom, long deadline,
            Histogram latencies, AtomicLong received, AtomicLong expected) {
        try (Reader reader = new Reader(http, subscriber, firstCursor)) {
            read(reader, recordFrom, deadline, latencies, received, expected);
        }
    }

    private static void read(Reader reader, long recordFrom, long deadline, Histogram latencies,
            AtomicLong received, AtomicLong expected) {
        while (received.get() < expected.get() && System.nanoTime() < deadline) {
            Reader.Batch batch = reader.next(1_000, 1_000);
            for (JsonNode event : batch.events()) {
                long sentAt = event.path("data").path("sentAt").asLong();
                if (sentAt >= recordFrom) {
                    latencies.recordValue(Math.max(1, (batch.answeredAt() - sentAt) / 1_000));
                }
                received.incrementAndGet();
            }
        }
    }
}
