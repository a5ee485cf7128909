package io.kapivara.hub.bench;

import java.time.Duration;

/**
 * (d) Catch-up: a new owner starting at the earliest event reads the whole store through fetch
 * and commit, one subscription holding every bucket, as fast as it can: fetch the most the hub
 * hands out at once, commit those positions (on the reader's commit thread, as an application's
 * consumer runtime would), fetch again with the cursor; it ends when the last commit is answered.
 */
final class CatchUp {

    private static final int LIMIT = 1_000;

    private final BenchHttp http;

    CatchUp(BenchHttp http) {
        this.http = http;
    }

    record Result(long events, Duration elapsed, long fetches) {

        double eventsPerSecond() {
            return events / (elapsed.toNanos() / 1e9);
        }
    }

    /** Reads until it has {@code events} events or {@code limit} has passed. */
    Result run(String run, long events, Duration limit) {
        String owner = "bench-catchup-" + run;
        http.createOwner(owner, "earliest");
        try (Subscriber subscriber = new Subscriber(http, owner, "reader");
             Reader reader = new Reader(http, subscriber, null)) {
            long start = System.nanoTime();
            long deadline = start + limit.toNanos();
            long read = 0;
            long fetches = 0;
            while (read < events && System.nanoTime() < deadline) {
                read += reader.next(LIMIT, 0).events().size();
                fetches++;
            }
            // Done when the last positions are committed, not when they were read.
            reader.flush();
            return new Result(read, Duration.ofNanos(System.nanoTime() - start), fetches);
        }
    }
}
