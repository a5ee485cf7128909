package io.kapivara.hub.bus;

import static io.kapivara.hub.testing.BusCalls.buckets;
import static io.kapivara.hub.testing.BusCalls.epoch;
import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.kapivara.hub.store.BucketCount;
import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
class BusIT {

    @LocalServerPort
    int port;

    @Autowired
    BucketCount bucketCount;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    BusCalls bus;

    @BeforeEach
    void client() {
        bus = new BusCalls(port);
    }

    @Test
    void spreadsBucketsEvenlyAndMovesFewWhenNodesJoin() {
        String owner = uniqueOwner();
        int count = bucketCount.count();

        JsonNode a = bus.subscribe(owner, "a");
        assertThat(buckets(a)).hasSize(count);
        bus.subscribe(owner, "b");
        List<Integer> aAfterB = buckets(bus.heartbeat(owner, "a").json());
        bus.subscribe(owner, "c");
        List<Integer> aAfterC = buckets(bus.heartbeat(owner, "a").json());
        List<Integer> b = buckets(bus.heartbeat(owner, "b").json());
        List<Integer> c = buckets(bus.heartbeat(owner, "c").json());

        assertThat(aAfterB).hasSize(count / 2);
        assertThat(aAfterB).containsAll(aAfterC);
        Set<Integer> all = new HashSet<>(aAfterC);
        all.addAll(b);
        all.addAll(c);
        assertThat(all).hasSize(count);
        assertThat(aAfterC.size() + b.size() + c.size()).isEqualTo(count);
        assertThat(List.of(aAfterC.size(), b.size(), c.size()))
                .allMatch(size -> size >= count / 3 && size <= count / 3 + 1);
    }

    @Test
    void handsALeavingNodesBucketsOverAtOnce() {
        String owner = uniqueOwner();
        bus.subscribe(owner, "a");
        bus.subscribe(owner, "b");

        assertThat(bus.leave(owner, "b").status()).isEqualTo(204);

        assertThat(buckets(bus.heartbeat(owner, "a").json())).hasSize(bucketCount.count());
        assertThat(bus.heartbeat(owner, "b").problem()).isEqualTo("subscription-not-found");
    }

    @Test
    void neverLetsTwoSubscriptionsHoldOneBucketUnderOneEpoch() throws Exception {
        String owner = uniqueOwner();
        Map<String, String> claims = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> conflicts = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<?>> nodes = new ArrayList<>();
            for (String key : List.of("a", "b", "c", "d")) {
                nodes.add(threads.submit(() -> {
                    for (int round = 0; round < 15; round++) {
                        JsonNode answer = round % 5 == 4 ? leaveAndJoin(owner, key) : bus.heartbeatOrJoin(owner, key);
                        answer.path("buckets").forEach(lease -> {
                            String claim = lease.path("bucket").asInt() + "@" + lease.path("epoch").asLong();
                            String previous = claims.putIfAbsent(claim, key);
                            if (previous != null && !previous.equals(key)) {
                                conflicts.add(claim + " " + previous + "/" + key);
                            }
                        });
                    }
                    return null;
                }));
            }
            for (var node : nodes) {
                node.get();
            }
        }

        assertThat(conflicts).isEmpty();
        assertThat(claims).isNotEmpty();
        Integer holders = jdbc.queryForObject("""
                SELECT count(*) FROM checkpoints WHERE owner = ? AND holder IS NOT NULL
                AND lease_expires_at > clock_timestamp()""", Integer.class, owner);
        assertThat(holders).isEqualTo(bucketCount.count());
    }

    private JsonNode leaveAndJoin(String owner, String key) {
        bus.leave(owner, key);
        return bus.subscribe(owner, key);
    }

    @Test
    void deliversEveryEventOfHeldBucketsInOrderWithBucketOffsetAndEpoch() {
        String owner = uniqueOwner();
        JsonNode assignment = bus.subscribe(owner, "only");
        String stream = uniqueStream("ordered");
        for (int i = 0; i < 5; i++) {
            bus.append(stream, "step");
        }

        JsonNode fetch = fetchAll(owner, "only", stream);

        List<Long> versions = new ArrayList<>();
        fetch.path("events").forEach(event -> versions.add(event.path("version").asLong()));
        assertThat(versions).containsExactly(0L, 1L, 2L, 3L, 4L);
        JsonNode first = fetch.path("events").get(0);
        assertThat(first.path("epoch").asLong()).isEqualTo(epoch(assignment, first.path("bucket").asInt()));
        assertThat(first.path("offset").asLong()).isPositive();
    }

    /** Fetches until nothing new comes, keeping the events of one stream. */
    private JsonNode fetchAll(String owner, String key, String stream) {
        List<JsonNode> kept = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 200; page++) {
            JsonNode fetch = bus.fetch(owner, key, 1000, 0, cursor).json();
            fetch.path("events").forEach(event -> {
                if (event.path("stream").asString().equals(stream)) {
                    kept.add(event);
                }
            });
            if (fetch.path("events").isEmpty()) {
                break;
            }
            cursor = fetch.path("cursor").asString();
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.putArray("events").addAll(kept);
        return result;
    }

    @Test
    void servesBucketsFairlyWithinOneFetch() {
        String owner = uniqueOwner();
        bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        bus.subscribe(owner, "fair");
        Map<Integer, String> streamOfBucket = new HashMap<>();
        for (int i = 0; streamOfBucket.size() < 2 && i < 200; i++) {
            String stream = uniqueStream("fair");
            streamOfBucket.putIfAbsent(bus.append(stream, "x").path("bucket").asInt(), stream);
        }
        var entries = new ArrayList<>(streamOfBucket.entrySet());
        for (int i = 0; i < 30; i++) {
            bus.append(entries.get(0).getValue(), "x");
        }

        JsonNode fetch = bus.fetch(owner, "fair", 4, 0, null).json();

        Set<Integer> served = new HashSet<>();
        fetch.path("events").forEach(event -> served.add(event.path("bucket").asInt()));
        assertThat(fetch.path("events")).hasSize(4);
        assertThat(served).contains(entries.get(1).getKey());
    }

    @Test
    void continuesFromTheCursorAndRestartsAtTheCheckpointWithoutOne() {
        String owner = uniqueOwner();
        bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        bus.subscribe(owner, "k");
        String stream = uniqueStream("cursor");
        bus.append(stream, "one");
        bus.append(stream, "two");

        JsonNode first = bus.fetch(owner, "k", 1, 0, null).json();
        JsonNode second = bus.fetch(owner, "k", 1, 0, first.path("cursor").asString()).json();
        JsonNode again = bus.fetch(owner, "k", 1, 0, null).json();

        assertThat(first.path("events").get(0).path("type").asString()).isEqualTo("one");
        assertThat(second.path("events").get(0).path("type").asString()).isEqualTo("two");
        assertThat(again.path("events").get(0).path("type").asString()).isEqualTo("one");
    }

    @Test
    void appliesTheOwnersFilterAndStillMovesPastSkippedEvents() {
        String owner = uniqueOwner();
        String wanted = "wanted." + UUID.randomUUID();
        bus.http().put("/api/owners/" + path(owner),
                "{\"startFrom\": \"latest\", \"filter\": {\"types\": [\"" + wanted + "\"]}}");
        bus.subscribe(owner, "f");
        String stream = uniqueStream("filter");
        bus.append(stream, "unwanted");
        JsonNode last = bus.append(stream, wanted);

        JsonNode fetch = bus.fetch(owner, "f", 100, 0, null).json();

        assertThat(fetch.path("events")).hasSize(1);
        assertThat(fetch.path("events").get(0).path("type").asString()).isEqualTo(wanted);
        int bucket = last.path("bucket").asInt();
        long offset = last.path("events").get(0).path("offset").asLong();
        boolean positioned = false;
        for (JsonNode position : fetch.path("positions")) {
            if (position.path("bucket").asInt() == bucket) {
                positioned = position.path("offset").asLong() == offset;
            }
        }
        assertThat(positioned).isTrue();
    }

    @Test
    void commitsOnlyForTheHolderWithTheCurrentEpoch() {
        String owner = uniqueOwner();
        JsonNode assignment = bus.subscribe(owner, "holder");
        String stream = uniqueStream("commit");
        JsonNode appended = bus.append(stream, "x");
        int bucket = appended.path("bucket").asInt();
        long offset = appended.path("events").get(0).path("offset").asLong();
        long epoch = epoch(assignment, bucket);
        bus.subscribe(owner, "other");

        HubHttp.Response stranger = bus.commit(owner, "other", bucket, offset, epoch);
        HubHttp.Response staleEpoch = bus.commit(owner, "holder", bucket, offset, epoch - 1);

        assertThat(stranger.status()).isEqualTo(409);
        assertThat(stranger.problem()).isEqualTo("lease-lost");
        assertThat(staleEpoch.problem()).isEqualTo("lease-lost");
    }

    @Test
    void refusesCheckpointsGoingBackOrBeyondTheHeadAndAcceptsTheSameOffsetAgain() {
        String owner = uniqueOwner();
        String stream = uniqueStream("forward");
        JsonNode appended = bus.append(stream, "x");
        bus.append(stream, "y");
        int bucket = appended.path("bucket").asInt();
        long offset = appended.path("events").get(0).path("offset").asLong();
        JsonNode assignment = bus.subscribe(owner, "k");
        long epoch = epoch(assignment, bucket);

        HubHttp.Response forward = bus.commit(owner, "k", bucket, offset + 1, epoch);
        HubHttp.Response same = bus.commit(owner, "k", bucket, offset + 1, epoch);
        HubHttp.Response back = bus.commit(owner, "k", bucket, offset, epoch);
        HubHttp.Response beyond = bus.commit(owner, "k", bucket, offset + 1000, epoch);

        assertThat(forward.status()).isEqualTo(204);
        assertThat(same.status()).isEqualTo(204);
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.problem()).isEqualTo("offset-behind");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.problem()).isEqualTo("offset-beyond-head");
        assertThat(bus.http().get("/api/owners/" + path(owner) + "/buckets/" + bucket).json()
                .path("checkpoint").asLong()).isEqualTo(offset + 1);
    }

    @Test
    void commitsAllBucketsOfARequestOrNone() {
        String owner = uniqueOwner();
        JsonNode assignment = bus.subscribe(owner, "k");
        JsonNode appended = bus.append(uniqueStream("atomic"), "x");
        int bucket = appended.path("bucket").asInt();
        int other = (bucket + 1) % bucketCount.count();

        HubHttp.Response response = bus.http().post("/api/owners/" + path(owner) + "/subscriptions/k/commits",
                "[{\"bucket\": %d, \"offset\": %d, \"epoch\": %d}, {\"bucket\": %d, \"offset\": 1, \"epoch\": 999}]"
                        .formatted(bucket, appended.path("events").get(0).path("offset").asLong(),
                                epoch(assignment, bucket), other));

        assertThat(response.status()).isEqualTo(409);
        assertThat(bus.http().get("/api/owners/" + path(owner) + "/buckets/" + bucket).json()
                .path("checkpoint").asLong()).isZero();
    }

    @Test
    void namesTheFirstRefusedBucketInRequestOrderWithItsState() {
        String owner = uniqueOwner();
        JsonNode assignment = bus.subscribe(owner, "k");
        JsonNode appended = bus.append(uniqueStream("first-refused"), "x");
        int good = appended.path("bucket").asInt();
        int beyond = (good + 1) % bucketCount.count();
        int stale = (good + 2) % bucketCount.count();
        String goodCommit = commitJson(good, appended.path("events").get(0).path("offset").asLong(),
                epoch(assignment, good));
        String beyondCommit = commitJson(beyond, 1_000_000_000L, epoch(assignment, beyond));
        String staleCommit = commitJson(stale, 0, epoch(assignment, stale) + 7);

        HubHttp.Response beyondFirst = commits(owner, "k", goodCommit, beyondCommit, staleCommit);
        HubHttp.Response staleFirst = commits(owner, "k", goodCommit, staleCommit, beyondCommit);

        assertThat(beyondFirst.status()).isEqualTo(400);
        assertThat(beyondFirst.problem()).isEqualTo("offset-beyond-head");
        assertThat(beyondFirst.json().path("bucket").asInt()).isEqualTo(beyond);
        assertThat(beyondFirst.json().path("currentEpoch").asLong()).isEqualTo(epoch(assignment, beyond));
        assertThat(beyondFirst.json().path("holder").asString()).isEqualTo("k");
        assertThat(staleFirst.status()).isEqualTo(409);
        assertThat(staleFirst.problem()).isEqualTo("lease-lost");
        assertThat(staleFirst.json().path("bucket").asInt()).isEqualTo(stale);
        assertThat(staleFirst.json().path("epoch").asLong()).isEqualTo(epoch(assignment, stale) + 7);
        assertThat(bus.http().get("/api/owners/" + path(owner) + "/buckets/" + good).json()
                .path("checkpoint").asLong()).isZero();
    }

    @Test
    void countsEveryBucketOfACommitRequestOnce() {
        String owner = uniqueOwner();
        JsonNode assignment = bus.subscribe(owner, "k");
        double acceptedBefore = commitCount("accepted");
        double refusedBefore = commitCount("refused");

        commits(owner, "k", commitJson(0, 0, epoch(assignment, 0)), commitJson(1, 0, epoch(assignment, 1)));
        commits(owner, "k", commitJson(2, 0, epoch(assignment, 2)), commitJson(3, 0, epoch(assignment, 3) + 1),
                commitJson(4, 0, epoch(assignment, 4)));

        assertThat(commitCount("accepted") - acceptedBefore).isEqualTo(4);
        assertThat(commitCount("refused") - refusedBefore).isEqualTo(1);
    }

    private double commitCount(String outcome) {
        return meters.get("hub.commits").tag("outcome", outcome).counter().count();
    }

    @Test
    void answersOwnerNotFoundToFetchesAndCommitsOfAnUnknownOwner() {
        String owner = uniqueOwner();

        HubHttp.Response fetch = bus.fetch(owner, "k", 10, 0, null);
        HubHttp.Response commit = bus.commit(owner, "k", 0, 0, 1);

        assertThat(fetch.status()).isEqualTo(404);
        assertThat(fetch.problem()).isEqualTo("owner-not-found");
        assertThat(commit.status()).isEqualTo(404);
        assertThat(commit.problem()).isEqualTo("owner-not-found");
    }

    private static String commitJson(int bucket, long offset, long epoch) {
        return "{\"bucket\": %d, \"offset\": %d, \"epoch\": %d}".formatted(bucket, offset, epoch);
    }

    private HubHttp.Response commits(String owner, String key, String... commits) {
        return bus.http().post("/api/owners/" + path(owner) + "/subscriptions/" + path(key) + "/commits",
                "[" + String.join(", ", commits) + "]");
    }

    @Test
    void anEmptyFetchNeverMovesAPositionPastTheCheckpoint() {
        String owner = uniqueOwner();
        bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        bus.subscribe(owner, "k");
        JsonNode status = bus.owner(owner);

        JsonNode fetch = bus.fetch(owner, "k", 10, 0, null).json();

        assertThat(fetch.path("events")).isEmpty();
        Map<Integer, Long> checkpoints = new HashMap<>();
        status.path("buckets").forEach(b -> checkpoints.put(b.path("bucket").asInt(), b.path("checkpoint").asLong()));
        fetch.path("positions").forEach(p ->
                assertThat(p.path("offset").asLong()).isEqualTo(checkpoints.get(p.path("bucket").asInt())));
    }

    @Test
    void reportsExactLagPerBucketAndItsAge() {
        String owner = uniqueOwner();
        bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        String stream = uniqueStream("lag");
        JsonNode appended = null;
        for (int i = 0; i < 3; i++) {
            appended = bus.append(stream, "x");
        }

        JsonNode status = bus.owner(owner);

        assertThat(status.path("lag").asLong()).isGreaterThanOrEqualTo(3);
        int bucket = appended.path("bucket").asInt();
        JsonNode row = status.path("buckets").get(bucket);
        assertThat(row.path("lag").asLong()).isEqualTo(row.path("head").asLong() - row.path("checkpoint").asLong());
        assertThat(row.path("lag").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(row.path("oldestPendingAt").isMissingNode()).isFalse();
    }

    @Test
    void readsABucketWithoutAnyOwner() {
        JsonNode appended = bus.append(uniqueStream("inspect"), "x");
        int bucket = appended.path("bucket").asInt();
        long offset = appended.path("events").get(0).path("offset").asLong();

        JsonNode page = bus.http().get("/api/buckets/" + bucket + "/events?from=" + offset + "&limit=1").json();
        JsonNode list = bus.http().get("/api/buckets").json();

        assertThat(page.path("events").get(0).path("offset").asLong()).isEqualTo(offset);
        assertThat(list.path("count").asInt()).isEqualTo(bucketCount.count());
        assertThat(list.path("buckets").get(bucket).path("head").asLong()).isGreaterThanOrEqualTo(offset);
        assertThat(bus.http().get("/api/buckets/" + bucketCount.count() + "/events").problem())
                .isEqualTo("bucket-not-found");
        assertThat(bus.http().get("/api/buckets/-1/events").status()).isEqualTo(404);
        assertThat(bus.http().get("/api/buckets/0/events?from=0").status()).isEqualTo(400);
    }

    @Test
    void showsTheLastCommittedEventOfAnOwnerInABucket() {
        String owner = uniqueOwner();
        JsonNode assignment = bus.subscribe(owner, "k");
        JsonNode appended = bus.append(uniqueStream("last"), "committed.one");
        int bucket = appended.path("bucket").asInt();
        long offset = appended.path("events").get(0).path("offset").asLong();
        bus.commit(owner, "k", bucket, offset, epoch(assignment, bucket));

        JsonNode view = bus.http().get("/api/owners/" + path(owner) + "/buckets/" + bucket).json();

        assertThat(view.path("checkpoint").asLong()).isEqualTo(offset);
        assertThat(view.path("event").path("type").asString()).isEqualTo("committed.one");
        assertThat(view.path("holder").asString()).isEqualTo("k");
        assertThat(view.path("lag").asLong()).isEqualTo(view.path("head").asLong() - offset);
    }

    @Test
    void readsAStreamAfterTheOwnersCheckpoint() {
        String owner = uniqueOwner();
        JsonNode assignment = bus.subscribe(owner, "k");
        String stream = uniqueStream("after");
        JsonNode first = bus.append(stream, "first");
        bus.append(stream, "second");
        int bucket = first.path("bucket").asInt();
        bus.commit(owner, "k", bucket, first.path("events").get(0).path("offset").asLong(), epoch(assignment, bucket));

        JsonNode page = bus.http().get("/api/owners/" + path(owner) + "/streams/" + path(stream) + "/events").json();

        assertThat(page.path("events")).hasSize(1);
        assertThat(page.path("events").get(0).path("type").asString()).isEqualTo("second");
    }

    @Test
    void startsANewOwnerAtTheHeadWhenAskedForLatest() {
        String stream = uniqueStream("before");
        bus.append(stream, "old");
        String owner = uniqueOwner();

        HubHttp.Response created = bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        HubHttp.Response again = bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(created.json().path("lag").asLong()).isZero();
        assertThat(bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"sometime\"}").status())
                .isEqualTo(400);
    }

    @Test
    void answersProblemsForUnknownOwnersSubscriptionsAndBadInput() {
        String owner = uniqueOwner();

        assertThat(bus.http().get("/api/owners/" + path(owner)).problem()).isEqualTo("owner-not-found");
        bus.subscribe(owner, "k");
        assertThat(bus.fetch(owner, "nobody", 10, 0, null).problem()).isEqualTo("subscription-not-found");
        assertThat(bus.fetch(owner, "k", 0, 0, null).status()).isEqualTo(400);
        assertThat(bus.fetch(owner, "k", 10, 31_000, null).status()).isEqualTo(400);
        assertThat(bus.fetch(owner, "k", 10, -1, null).status()).isEqualTo(400);
        assertThat(bus.fetch(owner, "k", 10, 0, "abc$").status()).isEqualTo(400);
        assertThat(bus.fetch(owner, "k", 10, 0, "bm90LWEtY3Vyc29y").status()).isEqualTo(400);
        assertThat(bus.http().post("/api/owners/" + path(owner) + "/subscriptions/k/commits", "[]").status())
                .isEqualTo(400);
        assertThat(bus.http().post("/api/owners/" + path(owner) + "/subscriptions/k/commits",
                "[{\"bucket\": \"x\"}]").status()).isEqualTo(400);
        assertThat(bus.commit(owner, "k", 99_999, 1, 1).status()).isEqualTo(400);
        assertThat(bus.commit(owner, "k", 0, -5, 1).status()).isEqualTo(400);
        assertThat(bus.http().post("/api/owners/" + path("bad owner") + "/subscriptions", "{}").status())
                .isEqualTo(400);
    }
}
