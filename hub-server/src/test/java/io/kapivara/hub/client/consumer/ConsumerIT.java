package io.kapivara.hub.client.consumer;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.JsonNodeFactory;

import io.kapivara.hub.client.BucketFunction;
import io.kapivara.hub.client.HubClient;
import io.kapivara.hub.client.OwnerOptions;
import io.kapivara.hub.client.SeekTarget;
import io.kapivara.hub.client.StartFrom;
import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.client.model.EventData;
import io.kapivara.hub.client.model.FetchedEvent;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.testing.HubServerTest;

/** The consumer runtime against a real hub: order, commits, the failure policy, close, operator actions. */
@HubServerTest
class ConsumerIT {

    @LocalServerPort
    int port;

    HubClient client;
    final List<HubConsumer> consumers = new ArrayList<>();

    @BeforeEach
    void connect() {
        client = HubClient.builder().baseUrl("http://127.0.0.1:" + port).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void close() {
        consumers.forEach(HubConsumer::close);
        client.close();
    }

    private static String uniqueCategory() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** An owner that sees only {@code category}'s events appended from now on. */
    private String ownerOf(String category) {
        String owner = uniqueOwner();
        client.putOwner(owner, OwnerOptions.defaults().startFrom(StartFrom.LATEST).categories(List.of(category)));
        return owner;
    }

    private HubConsumer.Builder consumer(String owner, EventHandler handler) {
        return HubConsumer.builder().client(client).owner(owner).handler(handler)
                .fetchWait(Duration.ofMillis(500))
                .commitInterval(Duration.ofMillis(200))
                .hubBackoff(Duration.ofMillis(50), Duration.ofMillis(500));
    }

    private HubConsumer started(HubConsumer.Builder builder) {
        HubConsumer consumer = builder.build();
        consumers.add(consumer);
        return consumer.start();
    }

    private List<AppendResponse> appendNumbered(List<String> streams, int perStream) {
        List<AppendResponse> answers = new ArrayList<>();
        for (int i = 0; i < perStream; i++) {
            for (String stream : streams) {
                answers.add(client.append(stream, List.of(new EventData(null, "numbered",
                        JsonNodeFactory.instance.numberNode(i), null))));
            }
        }
        return answers;
    }

    private static List<String> streams(String category, int count) {
        return LongStream.range(0, count).mapToObj(i -> category + "-" + i).toList();
    }

    /** Two stream names of {@code category} in different buckets. */
    private static List<String> inTwoBuckets(String category, int buckets) {
        String first = category + "-a";
        for (int i = 0; ; i++) {
            String other = category + "-b" + i;
            if (BucketFunction.bucketOf(other, buckets) != BucketFunction.bucketOf(first, buckets)) {
                return List.of(first, other);
            }
        }
    }

    private static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void handsEventsAppendedBeforeAndAfterItStartsInStreamOrderAndCommitsThemAll() throws Exception {
        // given events appended before the consumer starts
        String category = uniqueCategory();
        String owner = ownerOf(category);
        List<String> streams = streams(category, 6);
        appendNumbered(streams, 5);
        Handled handled = new Handled();

        // when it runs while more are appended
        started(consumer(owner, handled.handler("one")));
        appendNumbered(streams, 5);

        // then
        assertThat(eventually(Duration.ofSeconds(20), () -> handled.size() >= 60)).isTrue();
        Map<String, List<Long>> versions = handled.versionsByStream();
        assertThat(versions).hasSize(6);
        versions.values().forEach(stream -> assertThat(stream).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L,
                9L));
        assertThat(eventually(Duration.ofSeconds(10), () -> client.owner(owner).lag() == 0)).isTrue();
        assertThat(handled.size()).isEqualTo(60);
    }

    @Test
    void retriesAFailingEventThenStopsOnlyItsBucketKeepingTheCheckpointBeforeIt() throws Exception {
        // given a handler that always fails on version 2 of one stream
        String category = uniqueCategory();
        String owner = ownerOf(category);
        List<String> streams = inTwoBuckets(category, client.buckets().count());
        String poisoned = streams.get(0);
        List<AppendResponse> appended = appendNumbered(streams, 5);
        Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Handled handled = new Handled();
        EventHandler recording = handled.handler("one");
        Queue<HandlerFailure> failures = new ConcurrentLinkedQueue<>();
        EventHandler handler = event -> {
            if (event.stream().equals(poisoned) && event.version() == 2) {
                attempts.computeIfAbsent(event.version(), v -> new AtomicInteger()).incrementAndGet();
                throw new IllegalStateException("cannot handle version 2");
            }
            recording.handle(event);
        };

        // when
        started(consumer(owner, handler).maxAttempts(3).handlerBackoff(Duration.ofMillis(20), Duration.ofMillis(50))
                .listener(new ConsumerListener() {
                    @Override
                    public void bucketFailed(HandlerFailure failure) {
                        failures.add(failure);
                    }
                }));

        // then the listener hears of it once, after three attempts
        assertThat(eventually(Duration.ofSeconds(20), () -> !failures.isEmpty())).isTrue();
        HandlerFailure failure = failures.peek();
        assertThat(failure.event().stream()).isEqualTo(poisoned);
        assertThat(failure.event().version()).isEqualTo(2);
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.cause()).hasMessage("cannot handle version 2");

        // and the other bucket goes on while the failed one stays before the event
        assertThat(eventually(Duration.ofSeconds(10),
                () -> handled.versionsByStream().getOrDefault(streams.get(1), List.of()).size() == 5)).isTrue();
        long beforeFailing = appended.stream().filter(a -> a.stream().equals(poisoned)).toList().get(1).events()
                .getFirst().offset();
        int bucket = failure.bucket();
        assertThat(eventually(Duration.ofSeconds(10),
                () -> client.bucketCheckpoint(owner, bucket).checkpoint() == beforeFailing)).isTrue();
        Thread.sleep(1_000);
        assertThat(client.bucketCheckpoint(owner, bucket).checkpoint()).isEqualTo(beforeFailing);
        assertThat(attempts.get(2L)).hasValue(3);
        assertThat(handled.versionsByStream().get(poisoned)).containsExactly(0L, 1L);
        assertThat(failures).hasSize(1);
    }

    @Test
    void closeHandsOverWhatItHasCommitsAndLeaves() throws Exception {
        // given a consumer that would not commit on its own for a long time
        String category = uniqueCategory();
        String owner = ownerOf(category);
        String stream = category + "-1";
        List<AppendResponse> appended = appendNumbered(List.of(stream), 20);
        Handled handled = new Handled();
        HubConsumer consumer = started(consumer(owner, handled.handler("one"))
                .commitEvery(10_000).commitInterval(Duration.ofMinutes(5)).key("closing"));
        assertThat(eventually(Duration.ofSeconds(20), () -> handled.size() == 20)).isTrue();
        int bucket = appended.getFirst().bucket();
        assertThat(client.bucketCheckpoint(owner, bucket).checkpoint()).isLessThan(appended.getLast().events()
                .getFirst().offset());

        // when
        consumer.close();

        // then
        assertThat(client.bucketCheckpoint(owner, bucket).checkpoint())
                .isEqualTo(appended.getLast().events().getFirst().offset());
        OwnerStatus status = client.owner(owner);
        assertThat(status.subscriptions()).isEmpty();
        assertThat(status.buckets()).allSatisfy(b -> assertThat(b.holder()).isNull());
        assertThat(status.lag()).isZero();
    }

    @Test
    void startsABucketOverFromItsCheckpointWhenAnOperatorSeeksIt() throws Exception {
        // given a consumer that handled a stream
        String category = uniqueCategory();
        String owner = ownerOf(category);
        String stream = category + "-1";
        List<AppendResponse> appended = appendNumbered(List.of(stream), 4);
        int bucket = appended.getFirst().bucket();
        Handled handled = new Handled();
        Queue<String> leases = new ConcurrentLinkedQueue<>();
        started(consumer(owner, handled.handler("one")).listener(new ConsumerListener() {
            @Override
            public void bucketAssigned(int b, long epoch) {
                if (b == bucket) {
                    leases.add("assigned " + epoch);
                }
            }

            @Override
            public void bucketRevoked(int b, long epoch) {
                if (b == bucket) {
                    leases.add("revoked " + epoch);
                }
            }
        }));
        assertThat(eventually(Duration.ofSeconds(20), () -> handled.size() == 4)).isTrue();

        // when an operator seeks the bucket back to before the stream's second event
        long second = appended.get(1).events().getFirst().offset();
        long epochAfterSeek = client.seek(owner, bucket, SeekTarget.offset(second - 1)).epoch();

        // then the bucket restarts under the new epoch and hands the stream's events from there again
        assertThat(eventually(Duration.ofSeconds(20), () -> handled.size() == 7)).isTrue();
        assertThat(handled.versionsByStream().get(stream)).containsExactly(0L, 1L, 2L, 3L, 1L, 2L, 3L);
        assertThat(handled.all().subList(4, 7)).allSatisfy(h -> assertThat(h.event().epoch())
                .isEqualTo(epochAfterSeek));
        assertThat(leases).contains("revoked " + (epochAfterSeek - 1), "assigned " + epochAfterSeek);
    }

    @Test
    void subscribesAgainUnderItsKeyAfterAnEvictionAndGoesOn() throws Exception {
        // given
        String category = uniqueCategory();
        String owner = ownerOf(category);
        String stream = category + "-1";
        Handled handled = new Handled();
        started(consumer(owner, handled.handler("one")).key("evicted"));
        appendNumbered(List.of(stream), 2);
        assertThat(eventually(Duration.ofSeconds(20), () -> handled.size() == 2)).isTrue();

        // when
        client.evict(owner, "evicted");
        appendNumbered(List.of(stream), 2);

        // then: events handled but not committed before the eviction may come again
        assertThat(eventually(Duration.ofSeconds(20), () -> handled.versionsByStream()
                .getOrDefault(stream, List.of()).containsAll(List.of(2L, 3L)))).isTrue();
        assertThat(handled.versionsByStream().get(stream)).startsWith(0L, 1L).contains(2L, 3L);
        assertThat(eventually(Duration.ofSeconds(10), () -> client.owner(owner).subscriptions().stream()
                .anyMatch(s -> s.key().equals("evicted") && s.live()))).isTrue();
        assertThat(eventually(Duration.ofSeconds(10), () -> client.owner(owner).lag() == 0)).isTrue();
    }

    @Test
    void leavesFilteredOutEventsNoLag() throws Exception {
        // given an owner of one type only
        String category = uniqueCategory();
        String owner = uniqueOwner();
        client.putOwner(owner, OwnerOptions.defaults().startFrom(StartFrom.LATEST).types(List.of("wanted")));
        Handled handled = new Handled();
        started(consumer(owner, handled.handler("one")));

        // when mostly other types are appended
        for (int i = 0; i < 30; i++) {
            client.append(category + "-" + (i % 3), List.of(new EventData(null, i % 10 == 0 ? "wanted" : "other",
                    JsonNodeFactory.instance.nullNode(), null)));
        }

        // then
        assertThat(eventually(Duration.ofSeconds(20), () -> handled.size() == 3)).isTrue();
        assertThat(handled.all()).extracting(h -> h.event().type()).containsOnly("wanted");
        assertThat(eventually(Duration.ofSeconds(10), () -> client.owner(owner).lag() == 0)).isTrue();
        assertThat(handled.all()).extracting(h -> h.event()).extracting(FetchedEvent::type).hasSize(3);
    }
}
