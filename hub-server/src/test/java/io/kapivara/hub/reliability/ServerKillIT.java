package io.kapivara.hub.reliability;

import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import io.kapivara.hub.client.HubClient;
import io.kapivara.hub.client.HubTransientException;
import io.kapivara.hub.client.RetryPolicy;
import io.kapivara.hub.client.model.EventData;
import io.kapivara.hub.testing.TestDatabases;

/**
 * kill -9 of the server while producers append, then a restart: producers retry with the same
 * ids, and the store ends with every batch exactly once.
 */
class ServerKillIT {

    private static final int PRODUCERS = 4;
    private static final int BATCHES_PER_PRODUCER = 60;
    private static final int EVENTS_PER_BATCH = 3;

    @Test
    void losesAndDoublesNothingAcrossAKillAndARestart() throws Exception {
        String database = TestDatabases.freshDatabase();
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        List<String> streams = new ArrayList<>();
        try (ServerProcess server = new ServerProcess(database, ServerProcess.freePort());
             HubClient client = HubClient.builder().baseUrl(serverUri(server)).requestTimeout(Duration.ofSeconds(5))
                     .retryPolicy(RetryPolicy.NONE).build();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            server.start();
            List<Future<?>> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                String stream = uniqueStream("killed");
                streams.add(stream);
                producers.add(threads.submit(() -> produce(client, stream, acknowledged, done)));
            }
            awaitProgress(done, PRODUCERS * BATCHES_PER_PRODUCER / 3);
            server.kill();
            int atKill = acknowledged.size();
            server.start();
            for (Future<?> producer : producers) {
                producer.get(180, TimeUnit.SECONDS);
            }
            assertThat(atKill).isPositive();
        }

        try (Connection connection = DriverManager.getConnection(database)) {
            for (String stream : streams) {
                assertThat(count(connection, "SELECT count(*) FROM events WHERE stream = ?", stream))
                        .as("events of %s", stream).isEqualTo(BATCHES_PER_PRODUCER * EVENTS_PER_BATCH);
                assertThat(count(connection, "SELECT max(version) + 1 FROM events WHERE stream = ?", stream))
                        .isEqualTo(BATCHES_PER_PRODUCER * EVENTS_PER_BATCH);
            }
            assertThat(acknowledged).hasSize(PRODUCERS * BATCHES_PER_PRODUCER * EVENTS_PER_BATCH);
            for (UUID id : acknowledged) {
                assertThat(count(connection, "SELECT count(*) FROM events WHERE id = ?", id)).isEqualTo(1);
            }
        }
    }

    /** Appends batches in order, retrying each with the same ids until it is acknowledged. */
    private static Void produce(HubClient client, String stream, Set<UUID> acknowledged, AtomicInteger done)
            throws InterruptedException {
        for (int batch = 0; batch < BATCHES_PER_PRODUCER; batch++) {
            List<EventData> events = new ArrayList<>();
            for (int i = 0; i < EVENTS_PER_BATCH; i++) {
                events.add(new EventData(UUID.randomUUID(), "produced",
                        JsonNodeFactory.instance.numberNode(batch * EVENTS_PER_BATCH + i), null));
            }
            appendUntilAcknowledged(client, stream, events);
            events.forEach(event -> acknowledged.add(event.id()));
            done.incrementAndGet();
        }
        return null;
    }

    private static void appendUntilAcknowledged(HubClient client, String stream, List<EventData> events)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                client.append(stream, events);
                return;
            } catch (HubTransientException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void awaitProgress(AtomicInteger done, int target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (done.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static java.net.URI serverUri(ServerProcess server) {
        return server.uri();
    }

    private static long count(Connection connection, String sql, Object parameter) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
