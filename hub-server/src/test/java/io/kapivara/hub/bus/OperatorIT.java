package io.kapivara.hub.bus;

import static io.kapivara.hub.testing.BusCalls.buckets;
import static io.kapivara.hub.testing.BusCalls.epoch;
import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
class OperatorIT {

    @LocalServerPort
    int port;

    BusCalls bus;
    HubHttp http;

    @BeforeEach
    void client() {
        bus = new BusCalls(port);
        http = bus.http();
    }

    private JsonNode lastAudit(String owner) {
        return http.get("/api/audit?owner=" + path(owner) + "&limit=1").json().path("entries").get(0);
    }

    private String ownerPath(String owner) {
        return "/api/owners/" + path(owner);
    }

    @Test
    void forceReassignMovesTheBucketPinsItAndFencesThePreviousHolder() {
        String owner = uniqueOwner();
        JsonNode a = bus.subscribe(owner, "a");
        bus.subscribe(owner, "b");
        int bucket = buckets(bus.heartbeat(owner, "a").json()).getFirst();
        long before = epoch(bus.heartbeat(owner, "a").json(), bucket);

        JsonNode moved = http.post(ownerPath(owner) + "/buckets/" + bucket + "/assign", "{\"key\": \"b\"}").json();

        assertThat(moved.path("holder").asString()).isEqualTo("b");
        assertThat(moved.path("pinned").asBoolean()).isTrue();
        assertThat(moved.path("epoch").asLong()).isGreaterThan(before);
        assertThat(bus.commit(owner, "a", bucket, 0, before).problem()).isEqualTo("lease-lost");
        assertThat(buckets(bus.heartbeat(owner, "b").json())).contains(bucket);
        assertThat(buckets(bus.heartbeat(owner, "a").json())).doesNotContain(bucket);
        JsonNode audit = lastAudit(owner);
        assertThat(audit.path("action").asString()).isEqualTo("assign");
        assertThat(audit.path("target").asString()).isEqualTo("bucket " + bucket);
        assertThat(audit.path("before").path("holder").asString()).isEqualTo("a");
        assertThat(audit.path("after").path("holder").asString()).isEqualTo("b");
        assertThat(a.path("key").asString()).isEqualTo("a");
    }

    @Test
    void refusesToAssignToASubscriptionThatIsNotLive() {
        String owner = uniqueOwner();
        bus.subscribe(owner, "a");

        HubHttp.Response response = http.post(ownerPath(owner) + "/buckets/0/assign", "{\"key\": \"ghost\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problem()).isEqualTo("subscription-not-found");
    }

    @Test
    void releaseTakesTheBucketFromItsHolderWithANewEpoch() {
        String owner = uniqueOwner();
        JsonNode a = bus.subscribe(owner, "a");
        long before = epoch(a, 3);

        JsonNode released = http.post(ownerPath(owner) + "/buckets/3/release", "").json();

        assertThat(released.path("epoch").asLong()).isGreaterThan(before);
        assertThat(bus.commit(owner, "a", 3, 0, before).problem()).isEqualTo("lease-lost");
        assertThat(lastAudit(owner).path("action").asString()).isEqualTo("release");
    }

    @Test
    void seeksOneBucketToEarliestLatestAnOffsetAndATime() {
        String owner = uniqueOwner();
        String stream = uniqueStream("seek");
        JsonNode first = bus.append(stream, "x");
        Instant between = Instant.now();
        sleep(20);
        bus.append(stream, "y");
        int bucket = first.path("bucket").asInt();
        String seek = ownerPath(owner) + "/buckets/" + bucket + "/seek";
        bus.subscribe(owner, "a");

        JsonNode latest = http.post(seek, "{\"to\": \"latest\"}").json();
        JsonNode earliest = http.post(seek, "{\"to\": \"earliest\"}").json();
        JsonNode exact = http.post(seek, "{\"to\": 1}").json();
        JsonNode byTime = http.post(seek, "{\"to\": \"" + between + "\"}").json();

        assertThat(latest.path("checkpoint").asLong()).isEqualTo(latest.path("head").asLong());
        assertThat(earliest.path("checkpoint").asLong()).isZero();
        assertThat(exact.path("checkpoint").asLong()).isEqualTo(1);
        assertThat(byTime.path("checkpoint").asLong()).isEqualTo(first.path("events").get(0).path("offset").asLong());
        assertThat(byTime.path("epoch").asLong()).isGreaterThan(exact.path("epoch").asLong());
        assertThat(exact.path("epoch").asLong()).isGreaterThan(earliest.path("epoch").asLong());
        assertThat(lastAudit(owner).path("after").path("checkpoint").asLong())
                .isEqualTo(byTime.path("checkpoint").asLong());
        assertThat(http.post(seek, "{\"to\": 99999999}").status()).isEqualTo(400);
        assertThat(http.post(seek, "{\"to\": \"yesterday\"}").status()).isEqualTo(400);
        assertThat(http.post(seek, "{\"to\": -1}").status()).isEqualTo(400);
    }

    @Test
    void seeksToTimesAtBothEndsOfYearsOneTo9999() {
        String owner = uniqueOwner();
        JsonNode appended = bus.append(uniqueStream("edge"), "x");
        int bucket = appended.path("bucket").asInt();
        String seek = ownerPath(owner) + "/buckets/" + bucket + "/seek";
        bus.subscribe(owner, "a");

        HubHttp.Response first = http.post(seek, "{\"to\": \"0001-01-01T00:00:00Z\"}");
        HubHttp.Response last = http.post(seek, "{\"to\": \"9999-12-31T23:59:59.999999999Z\"}");
        HubHttp.Response lastSecond = http.post(seek, "{\"to\": \"9999-12-31T23:59:59Z\"}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("checkpoint").asLong()).isZero();
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.json().path("checkpoint").asLong()).isEqualTo(appended.path("events").get(0).path("offset")
                .asLong());
        assertThat(lastSecond.status()).as(lastSecond.body()).isEqualTo(200);
        assertThat(lastSecond.json().path("checkpoint").asLong()).isEqualTo(last.json().path("checkpoint").asLong());
        assertThat(http.post(seek, "{\"to\": \"0000-12-31T23:59:59.999999999Z\"}").json().path("rule")
                .asString()).contains("years 1 to 9999");
        assertThat(http.post(seek, "{\"to\": \"+10000-01-01T00:00:00Z\"}").status()).isEqualTo(400);
    }

    @Test
    void seeksAllBucketsOfAnOwnerAndFencesCommitsOfTheOldEpoch() {
        String owner = uniqueOwner();
        JsonNode appended = bus.append(uniqueStream("all"), "x");
        int bucket = appended.path("bucket").asInt();
        JsonNode a = bus.subscribe(owner, "a");

        JsonNode status = http.post(ownerPath(owner) + "/seek", "{\"to\": \"latest\"}").json();

        assertThat(status.path("lag").asLong()).isZero();
        assertThat(bus.commit(owner, "a", bucket, appended.path("events").get(0).path("offset").asLong(),
                epoch(a, bucket)).problem()).isEqualTo("lease-lost");
        assertThat(lastAudit(owner).path("target").asString()).isEqualTo("all buckets");
    }

    @Test
    void evictsASubscriptionAndGivesItsBucketsToTheOthers() {
        String owner = uniqueOwner();
        bus.subscribe(owner, "a");
        bus.subscribe(owner, "b");

        HubHttp.Response evicted = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + ownerPath(owner) + "/subscriptions/b?evict=true")).DELETE());

        assertThat(evicted.status()).isEqualTo(204);
        assertThat(bus.heartbeat(owner, "b").problem()).isEqualTo("subscription-not-found");
        assertThat(buckets(bus.heartbeat(owner, "a").json())).hasSize(bus.owner(owner).path("buckets").size());
        assertThat(lastAudit(owner).path("action").asString()).isEqualTo("evict");
    }

    @Test
    void pausedOwnersGetNoEventsUntilResumed() {
        String owner = uniqueOwner();
        bus.subscribe(owner, "a");
        bus.append(uniqueStream("paused"), "x");

        JsonNode paused = http.post(ownerPath(owner) + "/pause", "").json();
        JsonNode whilePaused = bus.fetch(owner, "a", 10, 0, null).json();
        http.post(ownerPath(owner) + "/resume", "");
        JsonNode resumed = bus.fetch(owner, "a", 10, 0, null).json();

        assertThat(paused.path("paused").asBoolean()).isTrue();
        assertThat(whilePaused.path("paused").asBoolean()).isTrue();
        assertThat(whilePaused.path("events")).isEmpty();
        assertThat(resumed.path("events")).isNotEmpty();
        assertThat(lastAudit(owner).path("action").asString()).isEqualTo("resume");
    }

    @Test
    void refusesActionsOnUnknownOwnersAndBuckets() {
        String owner = uniqueOwner();
        bus.subscribe(owner, "a");

        assertThat(http.post(ownerPath(uniqueOwner()) + "/pause", "").problem()).isEqualTo("owner-not-found");
        assertThat(http.post(ownerPath(owner) + "/buckets/100000/release", "").problem())
                .isEqualTo("bucket-not-found");
        assertThat(http.post(ownerPath(owner) + "/buckets/x/release", "").status()).isEqualTo(400);
        assertThat(http.post(ownerPath(owner) + "/buckets/0/assign", "{}").status()).isEqualTo(400);
        assertThat(http.post(ownerPath(owner) + "/buckets/0/seek", "not json").status()).isEqualTo(400);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
