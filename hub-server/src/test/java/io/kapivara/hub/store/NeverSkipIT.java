package io.kapivara.hub.store;

import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/**
 * A reader paging through the whole store by global position must never miss an event whose
 * transaction commits after one with a higher position.
 */
@HubServerTest
class NeverSkipIT {

    @LocalServerPort
    int port;

    @Autowired
    EventLog eventLog;

    @Autowired
    BucketCount buckets;

    @Test
    void readerMissesNoEventWhileAnEarlierAppendIsStillOpen() throws Exception {
        HubHttp http = new HubHttp(port);
        String type = "skip." + UUID.randomUUID();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<AppendOutcome>> open = threads.submit(() -> eventLog.inTransaction(tx -> {
                List<AppendOutcome> outcome = new AppendPlanner(buckets.count()).append(tx, List.of(command(type)));
                held.countDown();
                await(release);
                return outcome;
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

            List<Future<HubHttp.Response>> later = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                later.add(threads.submit(() -> http.post("/api/streams/" + path(uniqueStream("later")),
                        "{\"events\": [{\"type\": \"" + type + "\", \"data\": 1}]}")));
            }
            Thread.sleep(500);
            JsonNode duringHold = http.get("/api/events?type=" + type).json();

            release.countDown();
            open.get(30, TimeUnit.SECONDS);
            for (Future<HubHttp.Response> append : later) {
                assertThat(append.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
            }
            JsonNode afterCursor = http.get("/api/events?type=" + type + "&after=" + duringHold.path("next").asLong())
                    .json();

            assertThat(duringHold.path("events")).isEmpty();
            assertThat(afterCursor.path("events")).hasSize(6);
            long previous = 0;
            for (JsonNode event : afterCursor.path("events")) {
                assertThat(event.path("globalPosition").asLong()).isGreaterThan(previous);
                previous = event.path("globalPosition").asLong();
            }
        }
    }

    private static AppendCommand command(String type) {
        return new AppendCommand(uniqueStream("held"), ExpectedVersion.ANY, null,
                List.of(new NewEvent(UUID.randomUUID(), type, new JsonText("1"), null)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
