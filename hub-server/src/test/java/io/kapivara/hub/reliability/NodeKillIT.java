package io.kapivara.hub.reliability;

import static io.kapivara.hub.testing.BusCalls.buckets;
import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.TestDatabases;

/**
 * Two hub-server processes on one PostgreSQL, one killed: the other carries on, and the buckets of
 * the consumer that talked to the dead node move to the consumer on the live one.
 */
class NodeKillIT {

    @Test
    void theSurvivingNodeCarriesOnAndTakesTheDeadNodesConsumersBuckets() throws Exception {
        String database = TestDatabases.freshDatabase();
        try (ServerProcess one = new ServerProcess(database, ServerProcess.freePort(), "--hub.bus.lease-ttl=2s");
             ServerProcess two = new ServerProcess(database, ServerProcess.freePort(), "--hub.bus.lease-ttl=2s")) {
            one.start();
            two.start();
            BusCalls viaOne = new BusCalls(one.port());
            BusCalls viaTwo = new BusCalls(two.port());
            String owner = uniqueOwner();
            viaOne.subscribe(owner, "consumer-one");
            List<Integer> ofTwo = buckets(viaTwo.subscribe(owner, "consumer-two"));
            assertThat(ofTwo).isNotEmpty();

            two.kill();
            List<Integer> taken = awaitBuckets(viaOne, owner, "consumer-one", 16, Duration.ofSeconds(20));

            assertThat(taken).containsAll(ofTwo);
            assertThat(viaOne.append(uniqueStream("survivor"), "still.here").path("events")).isNotEmpty();
        }
    }

    /** Heartbeats at the pace the hub asks until the key holds {@code count} buckets or time runs out. */
    private static List<Integer> awaitBuckets(BusCalls bus, String owner, String key, int count, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Integer> held = List.of();
        while (System.nanoTime() < deadline) {
            JsonNode assignment = bus.heartbeat(owner, key).json();
            held = buckets(assignment);
            if (held.size() == count) {
                return held;
            }
            Thread.sleep(assignment.path("heartbeatMs").asLong(500));
        }
        return held;
    }
}
