package io.kapivara.hub.bus;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
class LongPollIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    FetchService fetches;

    /** Waits, at most 30 s, until that many fetches wait on this node. */
    private void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (fetches.waitingPolls() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(fetches.waitingPolls()).isGreaterThanOrEqualTo(count);
    }

    @Test
    void wakesAWaitingFetchWithinMillisecondsOfTheAppendsCommit() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        bus.subscribe(owner, "waiter");
        List<Long> latencies = new ArrayList<>();
        String cursor = bus.fetch(owner, "waiter", 10, 0, null).json().path("cursor").asString();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int trial = 0; trial < 7; trial++) {
                String from = cursor;
                Future<Long> woken = threads.submit(() -> {
                    HubHttp.Response response = bus.fetch(owner, "waiter", 10, 10_000, from);
                    assertThat(response.json().path("events")).isNotEmpty();
                    return System.nanoTime();
                });
                Thread.sleep(300);
                bus.append(uniqueStream("wake"), "wake.up");
                long acknowledged = System.nanoTime();
                long returned = woken.get(15, TimeUnit.SECONDS);
                latencies.add(TimeUnit.NANOSECONDS.toMillis(returned - acknowledged));
                cursor = bus.fetch(owner, "waiter", 100, 0, from).json().path("cursor").asString();
            }
        }

        latencies.sort(Long::compare);
        assertThat(latencies.get(latencies.size() / 2)).as("median wake-up after the append's answer, ms %s", latencies)
                .isLessThan(100);
    }

    @Test
    void waitingFetchesHoldNoDatabaseConnection() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        bus.subscribe(owner, "idle");
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HubHttp.Response>> waiting = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                waiting.add(threads.submit(() -> bus.fetch(owner, "idle", 10, 20_000, null)));
            }
            awaitWaiting(100);

            int active = pool.getHikariPoolMXBean().getActiveConnections();
            bus.append(uniqueStream("release"), "x");
            for (Future<HubHttp.Response> fetch : waiting) {
                assertThat(fetch.get(15, TimeUnit.SECONDS).status()).isEqualTo(200);
            }

            assertThat(active).as("connections in use while 100 fetches wait (one is the listener)")
                    .isLessThanOrEqualTo(2);
        }
    }
    /** Starts a fetch of a new subscription that waits up to {@code waitMs}, and returns once it waits. */
    private Future<HubHttp.Response> waitingFetch(BusCalls bus, ExecutorService threads, String owner, String key,
            long waitMs) throws InterruptedException {
        bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        bus.subscribe(owner, key);
        String cursor = bus.fetch(owner, key, 10, 0, null).json().path("cursor").asString();
        Future<HubHttp.Response> waiting = threads.submit(() -> bus.fetch(owner, key, 10, waitMs, cursor));
        awaitWaiting(1);
        return waiting;
    }

    @Test
    void aFetchWaitingWhenItsOwnerIsPausedHandsOutNothing() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HubHttp.Response> waiting = waitingFetch(bus, threads, owner, "waiter", 20_000);
            assertThat(bus.http().post("/api/owners/" + path(owner) + "/pause", "").status()).isEqualTo(200);
            bus.append(uniqueStream("paused"), "while.paused");

            HubHttp.Response answer = waiting.get(15, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("paused").asBoolean()).isTrue();
            assertThat(answer.json().path("events")).isEmpty();
        }
    }

    @Test
    void aFetchWaitingWhenItsSubscriptionEndsAnswersNotFound() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HubHttp.Response> waiting = waitingFetch(bus, threads, owner, "leaver", 20_000);
            assertThat(bus.leave(owner, "leaver").status()).isEqualTo(204);
            bus.append(uniqueStream("left"), "after.leaving");

            assertThat(waiting.get(15, TimeUnit.SECONDS).status()).isEqualTo(404);
        }
    }

    @Test
    void aFetchWhoseWaitEndsAfterAPauseAnswersPaused() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<HubHttp.Response> waiting = waitingFetch(bus, threads, owner, "idle", 1_500);
            assertThat(bus.http().post("/api/owners/" + path(owner) + "/pause", "").status()).isEqualTo(200);

            HubHttp.Response answer = waiting.get(15, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("paused").asBoolean()).isTrue();
        }
    }
}
