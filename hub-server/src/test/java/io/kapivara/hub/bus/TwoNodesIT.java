package io.kapivara.hub.bus;

import static io.kapivara.hub.testing.BusCalls.buckets;
import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import io.kapivara.hub.app.HubServerApplication;
import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/** Two hub-server processes' worth of nodes on one PostgreSQL are one hub. */
@HubServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    ConfigurableApplicationContext second;
    BusCalls nodeA;
    BusCalls nodeB;

    @BeforeAll
    void startSecondNode() {
        // Arguments, not default properties: application.yml would outrank the latter.
        second = new SpringApplicationBuilder(HubServerApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + environment.getRequiredProperty(
                        "spring.datasource.url"));
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        nodeA = new BusCalls(port);
        nodeB = new BusCalls(secondPort);
    }

    @AfterAll
    void stopSecondNode() {
        second.close();
    }

    @Test
    void keepsEveryBucketsOffsetsGaplessUnderConcurrentAppendsThroughBothNodes() throws Exception {
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            streams.add(uniqueStream("gapless"));
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> writers = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                BusCalls node = writer % 2 == 0 ? nodeA : nodeB;
                writers.add(threads.submit(() -> {
                    int created = 0;
                    for (int append = 0; append < 40; append++) {
                        String stream = streams.get(ThreadLocalRandom.current().nextInt(streams.size()));
                        HubHttp.Response response = node.http().post("/api/streams/" + path(stream),
                                "{\"events\": [{\"type\": \"a\", \"data\": 1}, {\"type\": \"b\", \"data\": 2}]}");
                        created += response.status() == 201 ? 1 : 0;
                    }
                    return created;
                }));
            }
            int created = 0;
            for (Future<Integer> writer : writers) {
                created += writer.get(120, TimeUnit.SECONDS);
            }
            assertThat(created).isEqualTo(8 * 40);
        }

        List<Map<String, Object>> holes = jdbc.queryForList("""
                SELECT b.bucket, b.head, count(e.*) AS stored, coalesce(max(e.bucket_offset), 0) AS highest,
                       coalesce(min(e.bucket_offset), 1) AS lowest
                FROM buckets b LEFT JOIN events e ON e.bucket = b.bucket
                GROUP BY b.bucket, b.head
                HAVING count(e.*) <> b.head OR coalesce(max(e.bucket_offset), 0) <> b.head
                    OR coalesce(min(e.bucket_offset), 1) <> 1
                """);
        assertThat(holes).isEmpty();
        Long versionGaps = jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT stream, count(*) AS n, max(version) AS top FROM events
                                      WHERE stream LIKE 'gapless-%' GROUP BY stream) s
                WHERE s.n <> s.top + 1""", Long.class);
        assertThat(versionGaps).isZero();
    }

    @Test
    void wakesALongPollOnOneNodeWhenTheAppendGoesThroughTheOther() throws Exception {
        String owner = uniqueOwner();
        nodeA.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        nodeA.subscribe(owner, "listener");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Long> woken = threads.submit(() -> {
                HubHttp.Response response = nodeA.fetch(owner, "listener", 10, 10_000, null);
                assertThat(response.json().path("events")).isNotEmpty();
                return System.nanoTime();
            });
            Thread.sleep(500);
            nodeB.append(uniqueStream("across"), "across.nodes");
            long acknowledged = System.nanoTime();

            long latency = TimeUnit.NANOSECONDS.toMillis(woken.get(15, TimeUnit.SECONDS) - acknowledged);
            assertThat(latency).as("wake-up across nodes, ms").isLessThan(1_000);
        }
    }

    @Test
    void sharesAnOwnersBucketsBetweenSubscriptionsOnDifferentNodes() {
        String owner = uniqueOwner();
        nodeA.subscribe(owner, "on-a");
        nodeB.subscribe(owner, "on-b");

        List<Integer> a = buckets(nodeA.heartbeat(owner, "on-a").json());
        List<Integer> b = buckets(nodeB.heartbeat(owner, "on-b").json());

        Set<Integer> all = new HashSet<>(a);
        all.addAll(b);
        assertThat(a).doesNotContainAnyElementsOf(b);
        assertThat(all).hasSize(a.size() + b.size());
        assertThat(Math.abs(a.size() - b.size())).isLessThanOrEqualTo(1);
        assertThat(buckets(nodeA.heartbeat(owner, "on-b").json())).isEqualTo(b);
    }
}
