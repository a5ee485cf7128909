package io.kapivara.hub.client;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.JsonNodeFactory;

import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.client.model.AssignmentResponse;
import io.kapivara.hub.client.model.AuditPage;
import io.kapivara.hub.client.model.AuditRecord;
import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.BucketEvents;
import io.kapivara.hub.client.model.BucketList;
import io.kapivara.hub.client.model.Commit;
import io.kapivara.hub.client.model.EventData;
import io.kapivara.hub.client.model.EventPage;
import io.kapivara.hub.client.model.FetchResponse;
import io.kapivara.hub.client.model.FetchedEvent;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.OwnerSummary;
import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.testing.HubServerTest;

/** The contract of every bus call of {@link HubClient}, against a real hub on a real PostgreSQL. */
@HubServerTest
class HubClientBusIT {

    @LocalServerPort
    int port;

    HubClient client;

    @BeforeEach
    void connect() {
        client = HubClient.builder().baseUrl("http://127.0.0.1:" + port).requestTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** A category no other test uses: stream names {@code <category>-<n>} belong to it. */
    private static String uniqueCategory() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An owner that sees only the events of {@code category} appended from now on. */
    private String ownerOf(String category) {
        String owner = uniqueOwner();
        client.putOwner(owner, OwnerOptions.defaults().startFrom(StartFrom.LATEST).categories(List.of(category)));
        return owner;
    }

    private AppendResponse append(String stream, String... types) {
        List<EventData> events = new ArrayList<>();
        for (String type : types) {
            events.add(new EventData(null, type, JsonNodeFactory.instance.objectNode(), null));
        }
        return client.append(stream, events);
    }

    /** Fetches until {@code count} events came, from each bucket's checkpoint; bounded by tries. */
    private List<FetchedEvent> fetchAtLeast(String owner, String key, int count) {
        List<FetchedEvent> events = new ArrayList<>();
        String cursor = null;
        for (int tries = 0; tries < 50 && events.size() < count; tries++) {
            FetchResponse page = client.fetch(owner, key, FetchOptions.defaults().cursor(cursor)
                    .maxWait(Duration.ofMillis(200)));
            events.addAll(page.events());
            cursor = page.cursor();
        }
        return events;
    }

    private static long epochOf(AssignmentResponse assignment, int bucket) {
        return assignment.buckets().stream().filter(lease -> lease.bucket() == bucket).findFirst().orElseThrow()
                .epoch();
    }

    @Test
    void putOwnerCreatesOnceThenChangesOnlyTheFilter() {
        // given
        String owner = uniqueOwner();

        // when
        OwnerPut created = client.putOwner(owner, OwnerOptions.defaults().startFrom(StartFrom.LATEST)
                .types(List.of("a.happened")));
        OwnerPut changed = client.putOwner(owner, OwnerOptions.defaults().startFrom(StartFrom.EARLIEST)
                .categories(List.of("order")));
        OwnerPut unchanged = client.putOwner(owner);

        // then
        assertThat(created.created()).isTrue();
        assertThat(created.owner().startFrom()).isEqualTo("latest");
        assertThat(created.owner().filter().types()).containsExactly("a.happened");
        assertThat(changed.created()).isFalse();
        assertThat(changed.owner().startFrom()).isEqualTo("latest");
        assertThat(changed.owner().filter().categories()).containsExactly("order");
        assertThat(unchanged.owner().filter().categories()).containsExactly("order");
        assertThat(created.owner().buckets()).hasSize(client.buckets().count());
    }

    @Test
    void refusesAnOwnerNameWithWhitespace() {
        assertThatThrownBy(() -> client.putOwner("has space"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("owner");
                    assertThat(e.value()).isEqualTo("has space");
                });
    }

    @Test
    void listsOwnersWithTheirLiveSubscriptions() {
        // given
        String owner = uniqueOwner();
        client.subscribe(owner, "node-1");

        // when
        List<OwnerSummary> owners = client.owners().owners();

        // then
        assertThat(owners).filteredOn(summary -> summary.owner().equals(owner)).singleElement()
                .satisfies(summary -> {
                    assertThat(summary.liveSubscriptions()).isEqualTo(1);
                    assertThat(summary.paused()).isFalse();
                });
    }

    @Test
    void answersAnUnknownOwnerWithOwnerNotFound() {
        String owner = uniqueOwner();

        assertThatThrownBy(() -> client.owner(owner))
                .isInstanceOfSatisfying(OwnerNotFoundException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.owner()).isEqualTo(owner);
                });
        assertThatThrownBy(() -> client.bucketCheckpoint(owner, 0)).isInstanceOf(OwnerNotFoundException.class);
    }

    @Test
    void subscribeGivesASingleNodeEveryBucketAndHeartbeatKeepsTheEpochs() {
        // given
        String owner = uniqueOwner();

        // when
        AssignmentResponse subscribed = client.subscribe(owner, "only");
        AssignmentResponse beat = client.heartbeat(owner, "only");

        // then
        assertThat(subscribed.key()).isEqualTo("only");
        assertThat(subscribed.buckets()).hasSize(client.buckets().count());
        assertThat(subscribed.heartbeatMs()).isPositive();
        assertThat(beat.buckets()).extracting(AssignmentResponse.LeaseGrant::epoch)
                .isEqualTo(subscribed.buckets().stream().map(AssignmentResponse.LeaseGrant::epoch).toList());
        OwnerStatus status = client.owner(owner);
        assertThat(status.subscriptions()).singleElement().satisfies(subscription -> {
            assertThat(subscription.key()).isEqualTo("only");
            assertThat(subscription.live()).isTrue();
            assertThat(subscription.buckets()).hasSize(subscribed.buckets().size());
        });
    }

    @Test
    void subscribeWithoutAKeyMakesOneThatTheHubKnows() {
        // given
        String owner = uniqueOwner();

        // when
        AssignmentResponse subscribed = client.subscribe(owner);

        // then
        assertThat(subscribed.key()).isNotBlank();
        assertThat(client.heartbeat(owner, subscribed.key()).buckets()).hasSize(subscribed.buckets().size());
    }

    @Test
    void heartbeatOfAnUnknownKeyThrowsSubscriptionNotFound() {
        // given
        String owner = uniqueOwner();
        client.subscribe(owner, "known");

        // when / then
        assertThatThrownBy(() -> client.heartbeat(owner, "unknown"))
                .isInstanceOfSatisfying(SubscriptionNotFoundException.class, e -> {
                    assertThat(e.owner()).isEqualTo(owner);
                    assertThat(e.key()).isEqualTo("unknown");
                });
    }

    @Test
    void fetchesInStreamOrderAndCommitMovesTheCheckpoint() {
        // given
        String category = uniqueCategory();
        String owner = ownerOf(category);
        String stream = category + "-1";
        AssignmentResponse assignment = client.subscribe(owner, "k");
        AppendResponse appended = append(stream, "one", "two", "three");

        // when
        List<FetchedEvent> events = fetchAtLeast(owner, "k", 3);
        FetchedEvent last = events.getLast();
        client.commit(owner, "k", List.of(new Commit(last.bucket(), last.offset(), last.epoch())));

        // then
        assertThat(events).extracting(FetchedEvent::type).containsExactly("one", "two", "three");
        assertThat(events).extracting(FetchedEvent::stream).containsOnly(stream);
        assertThat(last.epoch()).isEqualTo(epochOf(assignment, appended.bucket()));
        BucketCheckpoint checkpoint = client.bucketCheckpoint(owner, appended.bucket());
        assertThat(checkpoint.checkpoint()).isEqualTo(last.offset());
        assertThat(checkpoint.holder()).isEqualTo("k");
        assertThat(checkpoint.event()).extracting(RecordedEvent::id).isEqualTo(last.id());
    }

    @Test
    void fetchContinuesFromTheCursorAndRestartsAtTheCheckpointWithout() {
        // given
        String category = uniqueCategory();
        String owner = ownerOf(category);
        client.subscribe(owner, "k");
        append(category + "-1", "first", "second");
        List<FetchedEvent> first = fetchAtLeast(owner, "k", 2);

        // when
        FetchResponse one = client.fetch(owner, "k", FetchOptions.defaults().limit(1));
        FetchResponse next = client.fetch(owner, "k", FetchOptions.defaults().limit(1).cursor(one.cursor()));

        // then
        assertThat(first).extracting(FetchedEvent::type).containsExactly("first", "second");
        assertThat(one.events()).extracting(FetchedEvent::type).containsExactly("first");
        assertThat(next.events()).extracting(FetchedEvent::type).containsExactly("second");
        assertThat(next.positions()).anySatisfy(position -> {
            assertThat(position.bucket()).isEqualTo(first.getLast().bucket());
            assertThat(position.offset()).isEqualTo(first.getLast().offset());
        });
    }

    @Test
    void aLongPollAnswersWhenAnEventComesAndWaitsLongerThanTheRequestTimeout() throws Exception {
        // given a client whose request timeout (2 s) is shorter than the fetch's wait
        String category = uniqueCategory();
        String owner = ownerOf(category);
        client.subscribe(owner, "k");
        FetchResponse empty = client.fetch(owner, "k", FetchOptions.defaults());

        // when
        long started = System.nanoTime();
        FetchResponse waited = client.fetch(owner, "k", FetchOptions.defaults().cursor(empty.cursor())
                .maxWait(Duration.ofMillis(3_000)));
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        CompletableFuture<FetchResponse> polling = CompletableFuture.supplyAsync(() -> client.fetch(owner, "k",
                FetchOptions.defaults().cursor(waited.cursor()).maxWait(Duration.ofSeconds(20))
                        .linger(Duration.ofMillis(5))));
        Thread.sleep(300);
        append(category + "-1", "woke");
        FetchResponse woken = polling.get(10, TimeUnit.SECONDS);

        // then
        assertThat(waited.events()).isEmpty();
        assertThat(waitedMs).isGreaterThanOrEqualTo(2_500);
        assertThat(woken.events()).extracting(FetchedEvent::type).containsExactly("woke");
    }

    @Test
    void refusesAFetchLimitOrWaitBeyondTheHubsMaximum() {
        String owner = uniqueOwner();
        client.subscribe(owner, "k");

        assertThatThrownBy(() -> client.fetch(owner, "k", FetchOptions.defaults().limit(100_000)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> client.fetch(owner, "k", FetchOptions.defaults().maxWait(Duration.ofMinutes(10))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("waitMs"));
        assertThatThrownBy(() -> client.fetch(owner, "k", FetchOptions.defaults().cursor("not a cursor!")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> client.fetch(owner, "k", FetchOptions.defaults().linger(Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("lingerMs"));
        assertThatThrownBy(() -> FetchOptions.defaults().linger(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesACommitUnderAStaleEpochWithLeaseLost() {
        // given
        String category = uniqueCategory();
        String owner = ownerOf(category);
        AppendResponse appended = append(category + "-1", "x");
        int bucket = appended.bucket();
        long epoch = epochOf(client.subscribe(owner, "k"), bucket);
        BucketCheckpoint released = client.release(owner, bucket);

        // when / then
        assertThatThrownBy(() -> client.commit(owner, "k", List.of(new Commit(bucket, 0, epoch))))
                .isInstanceOfSatisfying(LeaseLostException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.bucket()).isEqualTo(bucket);
                    assertThat(e.epoch()).isEqualTo(epoch);
                    assertThat(e.currentEpoch()).hasValue(released.epoch());
                    assertThat(e.key()).isEqualTo("k");
                });
        assertThat(released.epoch()).isGreaterThan(epoch);
    }

    @Test
    void refusesACommitBehindTheCheckpointOrBeyondTheHead() {
        // given
        String category = uniqueCategory();
        String owner = ownerOf(category);
        AssignmentResponse assignment = client.subscribe(owner, "k");
        AppendResponse appended = append(category + "-1", "a", "b");
        int bucket = appended.bucket();
        long epoch = epochOf(assignment, bucket);
        long second = appended.events().get(1).offset();
        client.commit(owner, "k", List.of(new Commit(bucket, second, epoch)));

        // when / then
        assertThatThrownBy(() -> client.commit(owner, "k", List.of(new Commit(bucket, second - 1, epoch))))
                .isInstanceOfSatisfying(OffsetBehindException.class, e -> {
                    assertThat(e.offset()).isEqualTo(second - 1);
                    assertThat(e.checkpoint()).hasValue(second);
                });
        long head = client.buckets().buckets().get(bucket).head();
        assertThatThrownBy(() -> client.commit(owner, "k", List.of(new Commit(bucket, head + 1_000, epoch))))
                .isInstanceOfSatisfying(OffsetBeyondHeadException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.offset()).isEqualTo(head + 1_000);
                    assertThat(e.head()).isPresent();
                });
        client.commit(owner, "k", List.of(new Commit(bucket, second, epoch)));
        assertThat(client.bucketCheckpoint(owner, bucket).checkpoint()).isEqualTo(second);
    }

    @Test
    void leaveHandsTheBucketsOverAndASecondLeaveFindsNoSubscription() {
        // given
        String owner = uniqueOwner();
        client.subscribe(owner, "a");
        client.subscribe(owner, "b");

        // when
        client.leave(owner, "b");

        // then
        assertThat(client.heartbeat(owner, "a").buckets()).hasSize(client.buckets().count());
        assertThatThrownBy(() -> client.leave(owner, "b")).isInstanceOf(SubscriptionNotFoundException.class);
    }

    @Test
    void evictEndsASubscriptionAndIsAudited() {
        // given
        String owner = uniqueOwner();
        client.subscribe(owner, "a");
        client.subscribe(owner, "b");

        // when
        client.evict(owner, "b");

        // then
        assertThatThrownBy(() -> client.heartbeat(owner, "b")).isInstanceOf(SubscriptionNotFoundException.class);
        AuditRecord newest = client.audit(AuditQuery.newest().owner(owner).limit(1)).entries().getFirst();
        assertThat(newest.action()).isEqualTo("evict");
        assertThat(newest.owner()).isEqualTo(owner);
    }

    @Test
    void listsTheEventsOfAStreamAfterTheOwnersCheckpoint() {
        // given
        String category = uniqueCategory();
        String owner = ownerOf(category);
        String stream = category + "-1";
        AssignmentResponse assignment = client.subscribe(owner, "k");
        AppendResponse appended = append(stream, "a", "b", "c");
        client.commit(owner, "k", List.of(new Commit(appended.bucket(), appended.events().get(0).offset(),
                epochOf(assignment, appended.bucket()))));

        // when
        EventPage pending = client.ownerStreamEvents(owner, stream, 10);
        EventPage first = client.ownerStreamEvents(owner, stream, 1);
        EventPage second = client.ownerStreamEvents(owner, stream, first.next(), 1);
        EventPage end = client.ownerStreamEvents(owner, stream, second.next(), 1);

        // then
        assertThat(pending.events()).extracting(RecordedEvent::type).containsExactly("b", "c");
        assertThat(first.events()).extracting(RecordedEvent::type).containsExactly("b");
        assertThat(first.next()).isEqualTo(appended.events().get(1).offset());
        assertThat(second.events()).extracting(RecordedEvent::type).containsExactly("c");
        assertThat(end.events()).isEmpty();
        assertThat(end.next()).isEqualTo(second.next());
        assertThatThrownBy(() -> client.ownerStreamEvents(owner, stream, -1, 10))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> client.ownerStreamEvents(owner, category + "-none", 10))
                .isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void readsBucketsAndABucketFromAnOffset() {
        // given
        AppendResponse appended = append(uniqueCategory() + "-1", "a", "b");
        int bucket = appended.bucket();
        long first = appended.events().get(0).offset();

        // when
        BucketList buckets = client.buckets();
        BucketEvents events = client.bucketEvents(bucket, first, 2);

        // then
        assertThat(buckets.buckets()).hasSize(buckets.count());
        assertThat(buckets.buckets().get(bucket).head()).isGreaterThanOrEqualTo(first + 1);
        assertThat(events.events()).extracting(RecordedEvent::id)
                .containsExactlyElementsOf(appended.events().stream().map(AppendResponse.Position::id).toList());
        assertThat(events.next()).isEqualTo(first + 2);
        assertThatThrownBy(() -> client.bucketEvents(buckets.count(), 1, 10))
                .isInstanceOfSatisfying(BucketNotFoundException.class,
                        e -> assertThat(e.count()).hasValue(buckets.count()));
    }

    @Test
    void assignPinsABucketToAnotherNodeAndReleaseMovesItUnderANewEpoch() {
        // given
        String owner = uniqueOwner();
        AssignmentResponse a = client.subscribe(owner, "a");
        client.subscribe(owner, "b");
        int bucket = client.heartbeat(owner, "a").buckets().getFirst().bucket();

        // when
        BucketCheckpoint assigned = client.assign(owner, bucket, "b");
        BucketCheckpoint released = client.release(owner, bucket);

        // then
        assertThat(assigned.holder()).isEqualTo("b");
        assertThat(assigned.pinned()).isTrue();
        assertThat(assigned.epoch()).isGreaterThan(epochOf(a, bucket));
        assertThat(released.epoch()).isGreaterThan(assigned.epoch());
        assertThat(released.pinned()).isFalse();
        assertThatThrownBy(() -> client.assign(owner, bucket, "nobody"))
                .isInstanceOf(SubscriptionNotFoundException.class);
    }

    @Test
    void seekMovesOneCheckpointToAnOffsetATimeOrTheEnds() {
        // given
        String category = uniqueCategory();
        String owner = ownerOf(category);
        AppendResponse appended = append(category + "-1", "a", "b", "c");
        int bucket = appended.bucket();
        long second = appended.events().get(1).offset();
        RecordedEvent secondEvent = client.bucketEvents(bucket, second, 1).events().getFirst();

        // when
        BucketCheckpoint toOffset = client.seek(owner, bucket, SeekTarget.offset(second));
        BucketCheckpoint toEarliest = client.seek(owner, bucket, SeekTarget.earliest());
        BucketCheckpoint toTime = client.seek(owner, bucket, SeekTarget.time(secondEvent.recordedAt()));
        BucketCheckpoint toLatest = client.seek(owner, bucket, SeekTarget.latest());

        // then
        assertThat(toOffset.checkpoint()).isEqualTo(second);
        assertThat(toOffset.event()).extracting(RecordedEvent::id).isEqualTo(secondEvent.id());
        assertThat(toEarliest.checkpoint()).isZero();
        assertThat(toTime.checkpoint()).isLessThan(second);
        assertThat(toLatest.checkpoint()).isEqualTo(toLatest.head()).isGreaterThanOrEqualTo(second + 1);
        assertThat(toLatest.epoch()).isGreaterThan(toOffset.epoch());
        assertThatThrownBy(() -> client.seek(owner, bucket, SeekTarget.offset(toLatest.head() + 1_000)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void seekAllMovesEveryCheckpoint() {
        // given
        String owner = uniqueOwner();
        client.putOwner(owner);

        // when
        OwnerStatus latest = client.seekAll(owner, SeekTarget.latest());
        OwnerStatus earliest = client.seekAll(owner, SeekTarget.earliest());

        // then
        assertThat(latest.buckets()).allSatisfy(bucket -> assertThat(bucket.checkpoint()).isEqualTo(bucket.head()));
        assertThat(earliest.buckets()).allSatisfy(bucket -> assertThat(bucket.checkpoint()).isZero());
    }

    @Test
    void pauseStopsHandingOutEventsUntilResume() {
        // given
        String category = uniqueCategory();
        String owner = ownerOf(category);
        client.subscribe(owner, "k");
        append(category + "-1", "held");

        // when
        OwnerStatus paused = client.pause(owner);
        FetchResponse whilePaused = client.fetch(owner, "k", FetchOptions.defaults());
        OwnerStatus resumed = client.resume(owner);

        // then
        assertThat(paused.paused()).isTrue();
        assertThat(whilePaused.paused()).isTrue();
        assertThat(whilePaused.events()).isEmpty();
        assertThat(resumed.paused()).isFalse();
        assertThat(fetchAtLeast(owner, "k", 1)).extracting(FetchedEvent::type).containsExactly("held");
    }

    @Test
    void readsTheAuditLogPageByPageNewestFirst() {
        // given
        String owner = uniqueOwner();
        client.putOwner(owner);
        client.pause(owner);
        client.resume(owner);
        client.pause(owner);

        // when
        AuditPage first = client.audit(AuditQuery.newest().owner(owner).limit(2));
        AuditPage second = client.audit(AuditQuery.newest().owner(owner).limit(2).before(first.next()));

        // then
        assertThat(first.entries()).extracting(AuditRecord::action).containsExactly("pause", "resume");
        assertThat(first.next()).isNotNull();
        assertThat(second.entries()).extracting(AuditRecord::action).containsExactly("pause");
        assertThat(second.next()).isNull();
    }
}
