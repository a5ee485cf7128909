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
    /** Subscribes a new owner that starts at the latest event, and answers the cursor of its first fetch. */
    private static String subscribedAtLatest(BusCalls bus, String owner, String key) {
        bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        bus.subscribe(owner, key);
        return bus.fetch(owner, key, 10, 0, null).json().path("cursor").asString();
    }

    /** Starts a fetch of a new subscription that waits up to {@code waitMs}, and returns once it waits. */
    private Future<HubHttp.Response> waitingFetch(BusCalls bus, ExecutorService threads, String owner, String key,
            long waitMs) throws InterruptedException {
        String cursor = subscribedAtLatest(bus, owner, key);
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

    @Test
    void aWokenFetchThatLingersHandsOutWhatCameMeanwhileInOneAnswer() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // given a waiting fetch that lingers a second, and one that does not
            String cursor = subscribedAtLatest(bus, owner, "lingering");
            String events = "/api/owners/" + path(owner) + "/subscriptions/lingering/events?limit=10&waitMs=10000";
            Future<HubHttp.Response> lingering = threads.submit(() ->
                    bus.http().get(events + "&lingerMs=1000&cursor=" + cursor));
            awaitWaiting(1);

            // when two appends to one stream come 300 ms apart
            String stream = uniqueStream("linger");
            bus.append(stream, "first");
            Thread.sleep(300);
            bus.append(stream, "second");
            HubHttp.Response both = lingering.get(15, TimeUnit.SECONDS);

            Future<HubHttp.Response> prompt = threads.submit(() -> bus.http().get(events + "&cursor="
                    + both.json().path("cursor").asString()));
            awaitWaiting(1);
            bus.append(stream, "third");
            Thread.sleep(300);
            bus.append(stream, "fourth");
            HubHttp.Response one = prompt.get(15, TimeUnit.SECONDS);

            Future<HubHttp.Response> finding = threads.submit(() -> bus.http().get(events + "&lingerMs=1000&cursor="
                    + one.json().path("cursor").asString()));
            Thread.sleep(300);
            bus.append(stream, "fifth");
            HubHttp.Response found = finding.get(15, TimeUnit.SECONDS);

            // then the lingering fetch answers both, the prompt one only the first, and a lingering
            // fetch that finds an event at once answers it with what came within its linger
            assertThat(both.json().path("events")).extracting(event -> event.path("type").asString())
                    .containsExactly("first", "second");
            assertThat(one.json().path("events")).extracting(event -> event.path("type").asString())
                    .containsExactly("third");
            assertThat(found.json().path("events")).extracting(event -> event.path("type").asString())
                    .containsExactly("fourth", "fifth");
        }
    }

    @Test
    void refusesALingerOutsideZeroToOneSecond() {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        bus.subscribe(owner, "k");
        String events = "/api/owners/" + path(owner) + "/subscriptions/k/events?waitMs=0&lingerMs=";

        HubHttp.Response negative = bus.http().get(events + "-1");
        HubHttp.Response tooLong = bus.http().get(events + "1001");
        HubHttp.Response longest = bus.http().get(events + "1000");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().path("field").asString()).isEqualTo("lingerMs");
        assertThat(negative.json().path("rule").asString()).isEqualTo("A fetch lingers 0 to 1000 ms");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("value").asString()).isEqualTo("1001");
        assertThat(longest.status()).isEqualTo(200);
    }

    @Test
    void aLingeringFetchHandsOutNothingOnceItsOwnerIsPausedNorSkipsWhatItHadRead() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // given two events waiting, and a fetch that finds them and lingers a second
            String cursor = subscribedAtLatest(bus, owner, "k");
            String stream = uniqueStream("linger-pause");
            bus.append(stream, "one");
            bus.append(stream, "two");
            String events = "/api/owners/" + path(owner) + "/subscriptions/k/events?limit=10&waitMs=5000";
            Future<HubHttp.Response> lingering = threads.submit(() ->
                    bus.http().get(events + "&lingerMs=1000&cursor=" + cursor));
            awaitWaiting(1);

            // when the owner is paused meanwhile, then resumed
            assertThat(bus.http().post("/api/owners/" + path(owner) + "/pause", "").status()).isEqualTo(200);
            HubHttp.Response paused = lingering.get(15, TimeUnit.SECONDS);
            assertThat(bus.http().post("/api/owners/" + path(owner) + "/resume", "").status()).isEqualTo(200);
            HubHttp.Response after = bus.http().get(events.replace("waitMs=5000", "waitMs=0") + "&cursor="
                    + paused.json().path("cursor").asString());

            // then the lingering fetch answers paused and empty, and its cursor skips nothing
            assertThat(paused.json().path("paused").asBoolean()).isTrue();
            assertThat(paused.json().path("events")).isEmpty();
            assertThat(after.json().path("events")).extracting(event -> event.path("type").asString())
                    .containsExactly("one", "two");
        }
    }

    @Test
    void aLingeringFetchWhoseSubscriptionEndsAnswersNotFound() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            String cursor = subscribedAtLatest(bus, owner, "leaver");
            bus.append(uniqueStream("linger-leave"), "one");
            Future<HubHttp.Response> lingering = threads.submit(() -> bus.http().get("/api/owners/" + path(owner)
                    + "/subscriptions/leaver/events?limit=10&waitMs=5000&lingerMs=1000&cursor=" + cursor));
            awaitWaiting(1);

            assertThat(bus.leave(owner, "leaver").status()).isEqualTo(204);

            assertThat(lingering.get(15, TimeUnit.SECONDS).status()).isEqualTo(404);
        }
    }
}
