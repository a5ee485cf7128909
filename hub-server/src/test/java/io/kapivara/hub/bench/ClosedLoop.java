package io.kapivara.hub.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A fixed number of clients, each on its own virtual thread, each sending its next operation as
 * soon as the previous one answered, for a warm-up and then a measured window. Only operations
 * that finish inside the window count. Bounded in time: every client stops at the window's end,
 * and the first failure stops them all.
 */
final class ClosedLoop {

    private ClosedLoop() {
    }

    /** One client: {@link #call()} performs one operation and returns how many events it carried. */
    interface Client extends AutoCloseable {

        int call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /**
     * What the window saw: events finished, its length, and each operation's latency in
     * microseconds; {@code allEvents} counts the warm-up and the last answers after the window too.
     */
    record Outcome(long events, long operations, Duration window, Histogram latencies, long allEvents) {

        double eventsPerSecond() {
            return events / (window.toNanos() / 1e9);
        }
    }

    static Outcome run(int clients, Duration warmup, Duration window, IntFunction<Client> factory) throws Exception {
        long from = System.nanoTime() + warmup.toNanos();
        long until = from + window.toNanos();
        LongAdder events = new LongAdder();
        LongAdder all = new LongAdder();
        LongAdder operations = new LongAdder();
        Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                int number = i;
                running.add(threads.submit(() -> {
                    try (Client client = factory.apply(number)) {
                        loop(client, from, until, failed, new Counters(events, all, operations), latencies);
                    } catch (Exception | Error e) {
                        failed.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(window.toMillis() + warmup.toMillis() + 120_000, TimeUnit.MILLISECONDS);
            }
        }
        return new Outcome(events.sum(), operations.sum(), window, latencies, all.sum());
    }

    private record Counters(LongAdder events, LongAdder all, LongAdder operations) {
    }

    private static void loop(Client client, long from, long until, AtomicBoolean failed, Counters counters,
            Histogram latencies) throws Exception {
        while (!failed.get()) {
            long start = System.nanoTime();
            if (start >= until) {
                return;
            }
            int carried = client.call();
            long end = System.nanoTime();
            counters.all().add(carried);
            if (end >= from && end <= until) {
                counters.events().add(carried);
                counters.operations().increment();
                latencies.recordValue(Math.max(1, (end - start) / 1_000));
            }
        }
    }
}
