package io.kapivara.hub.app.dashboard;

import static io.kapivara.hub.testing.BusCalls.buckets;
import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.SeekRequest;
import io.kapivara.hub.dashboard.DashboardQueries;
import io.kapivara.hub.dashboard.LagHistory;
import io.kapivara.hub.dashboard.OperatorActions;
import io.kapivara.hub.dashboard.RefusedException;
import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubServerTest;

/** The dashboard's ports as hub-server implements them, against a real hub. */
@HubServerTest
class DashboardAdapterIT {

    @LocalServerPort
    int port;

    @Autowired
    DashboardQueries queries;

    @Autowired
    OperatorActions actions;

    @Autowired
    BusQueries bus;

    BusCalls calls;

    @BeforeEach
    void client() {
        calls = new BusCalls(port);
    }

    @Test
    void answersWhatDoesNotExistWithNothingRatherThanARefusal() {
        assertThat(queries.owner(uniqueOwner())).isEmpty();
        assertThat(queries.stream(uniqueStream("ghost"), 0, 10)).isEmpty();
        assertThat(queries.event(UUID.randomUUID())).isEmpty();
    }

    @Test
    void readsAStreamPageWithTheNextVersionToRead() {
        // given
        String stream = uniqueStream("paged");
        for (int i = 0; i < 3; i++) {
            calls.append(stream, "paged.step");
        }

        // when / then
        var first = queries.stream(stream, 0, 2).orElseThrow();
        assertThat(first.events()).extracting(e -> e.version()).containsExactly(0L, 1L);
        assertThat(first.next()).isEqualTo(2L);
        assertThat(queries.stream(stream, 2, 2).orElseThrow().next()).isNull();
    }

    @Test
    void turnsTheHubsRefusalsIntoTheDashboardsKeepingTheirMessages() {
        // given
        String owner = uniqueOwner();
        calls.subscribe(owner, "node-a");

        // when / then
        assertThatThrownBy(() -> actions.assign(owner, 0, "node-z", "test"))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.NOT_FOUND))
                .hasMessageContaining("node-z");
        assertThatThrownBy(() -> actions.seek(owner, 0, new SeekRequest(1_000_000L), "test"))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.INVALID))
                .hasMessageContaining("A seek offset is 0 to the head of bucket");
        assertThatThrownBy(() -> actions.seekAll(owner, new SeekRequest("-300000-01-01T00:00:00Z"), "test"))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.INVALID))
                .hasMessageContaining("years 1 to 9999");
        assertThatThrownBy(() -> queries.audit("a\u0000b", null, 10))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.INVALID));
        assertThatThrownBy(() -> actions.release(owner, 9_999, "test"))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> queries.streams("bad name", null, 10))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.INVALID));
    }

    @Test
    void reassignsABucketAndNamesTheActorInTheAuditLog() {
        // given
        String owner = uniqueOwner();
        calls.subscribe(owner, "node-a");
        calls.subscribe(owner, "node-b");
        int bucket = buckets(calls.heartbeat(owner, "node-a").json()).getFirst();

        // when
        BucketCheckpoint after = actions.assign(owner, bucket, "node-b", "dashboard 10.0.0.7");

        // then
        assertThat(after.holder()).isEqualTo("node-b");
        assertThat(after.pinned()).isTrue();
        JsonNode entry = calls.http().get("/api/audit?owner=" + owner + "&limit=1").json().path("entries").get(0);
        assertThat(entry.path("action").asString()).isEqualTo("assign");
        assertThat(entry.path("actor").asString()).isEqualTo("dashboard 10.0.0.7");
    }

    @Test
    void seeksByTimeAndPausesThroughTheOperatorService() {
        // given
        String owner = uniqueOwner();
        calls.subscribe(owner, "node-a");

        // when
        OwnerStatus sought = actions.seekAll(owner, new SeekRequest("latest"), "test");
        OwnerStatus paused = actions.setPaused(owner, true, "test");

        // then
        assertThat(sought.lag()).isZero();
        assertThat(paused.paused()).isTrue();
        assertThat(queries.owner(owner).orElseThrow().paused()).isTrue();
    }

    @Test
    void keepsTheLastSamplesOfEachOwnersLagOldestFirst() throws InterruptedException {
        // given
        String owner = uniqueOwner();
        calls.subscribe(owner, "node-a");
        calls.append(uniqueStream("sampled"), "sampled.once");

        // when
        try (LagSampler sampler = new LagSampler(bus, Duration.ofMillis(50), 3)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sampler.history(owner).samples().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            LagHistory history = sampler.history(owner);

            // then
            assertThat(history.capacity()).isEqualTo(3);
            assertThat(history.samples()).hasSize(3);
            assertThat(history.samples().get(0).at()).isBefore(history.samples().get(2).at());
            assertThat(history.samples().getLast().lag()).isPositive();
            assertThat(sampler.history(uniqueOwner()).samples()).isEmpty();
        }
    }
}
