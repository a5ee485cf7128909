package io.kapivara.hub.bus;

import static io.kapivara.hub.testing.BusCalls.buckets;
import static io.kapivara.hub.testing.BusCalls.epoch;
import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/** Leases of one second, so that stalls can be shown quickly. */
@HubServerTest
@DirtiesContext
@TestPropertySource(properties = "hub.bus.lease-ttl=1s")
class LeaseExpiryIT {

    @LocalServerPort
    int port;

    @Test
    void aHolderWhoseLeaseExpiredWhileItStalledCannotCommit() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        JsonNode appended = bus.append(uniqueStream("stall"), "x");
        int bucket = appended.path("bucket").asInt();
        JsonNode assignment = bus.subscribe(owner, "stalling");
        long epoch = epoch(assignment, bucket);

        Thread.sleep(1_500);
        HubHttp.Response late = bus.commit(owner, "stalling", bucket, appended.path("events").get(0).path("offset")
                .asLong(), epoch);

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.problem()).isEqualTo("lease-lost");
    }

    @Test
    void anotherNodeTakesOverTheBucketsOfOneThatStoppedHeartbeating() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        JsonNode stalled = bus.subscribe(owner, "stalled");
        bus.subscribe(owner, "alive");

        Thread.sleep(1_500);
        JsonNode alive = bus.heartbeat(owner, "alive").json();
        JsonNode revived = bus.heartbeat(owner, "stalled").json();

        assertThat(buckets(stalled)).isNotEmpty();
        assertThat(buckets(alive)).containsAll(buckets(stalled).subList(0, 1));
        int moved = buckets(stalled).getFirst();
        if (buckets(revived).contains(moved)) {
            assertThat(epoch(revived, moved)).isGreaterThan(epoch(stalled, moved));
        }
        assertThat(bus.commit(owner, "stalled", moved, 0, epoch(stalled, moved)).problem()).isEqualTo("lease-lost");
    }
}
