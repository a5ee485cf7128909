package io.kapivara.hub.client.consumer;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.JsonNodeFactory;

import io.kapivara.hub.client.HubClient;
import io.kapivara.hub.client.OwnerOptions;
import io.kapivara.hub.client.StartFrom;
import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.client.model.EventData;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.testing.HubServerTest;

/**
 * Two runtimes of one owner while events are appended; one crashes mid-stream and the other takes
 * its buckets once their leases lapse. Leases of two seconds, so that takeover comes quickly.
 */
@HubServerTest
@DirtiesContext
@TestPropertySource(properties = "hub.bus.lease-ttl=2s")
class TwoConsumersIT {

    private static final int STREAMS = 16;
    private static final int ROUNDS = 30;

    @LocalServerPort
    int port;

    final List<HubClient> clients = new ArrayList<>();
    final List<HubConsumer> consumers = new ArrayList<>();
    final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void setUp() {
        clients.add(client());
    }

    @AfterEach
    void tearDown() {
        consumers.forEach(HubConsumer::close);
        background.shutdownNow();
        clients.forEach(HubClient::close);
    }

    private HubClient client() {
        HubClient client = HubClient.builder().baseUrl("http://127.0.0.1:" + port)
                .requestTimeout(Duration.ofSeconds(5)).build();
        clients.add(client);
        return client;
    }

    private HubConsumer runtime(String owner, String key, Handled handled) {
        HubConsumer consumer = HubConsumer.builder().client(client()).owner(owner).key(key)
                .handler(handled.handler(key))
                .fetchLimit(50)
                .fetchWait(Duration.ofMillis(500))
                .commitEvery(20)
                .commitInterval(Duration.ofMillis(200))
                .hubBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                .build();
        consumers.add(consumer);
        return consumer.start();
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

    /**
     * Appends one event to every stream per round, pausing a little between rounds; halfway it waits
     * for {@code halfway} to open, so that appends surely go on after what the test does there.
     */
    private Future<List<AppendResponse>> appending(HubClient client, List<String> streams, CountDownLatch halfway,
            AtomicInteger count) {
        return background.submit(() -> {
            List<AppendResponse> answers = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                if (round == ROUNDS / 2) {
                    halfway.await(60, TimeUnit.SECONDS);
                }
                for (String stream : streams) {
                    answers.add(client.append(stream, List.of(new EventData(null, "numbered",
                            JsonNodeFactory.instance.numberNode(round), null))));
                    count.incrementAndGet();
                }
                Thread.sleep(50);
            }
            return answers;
        });
    }

    /** Reads every bucket's checkpoint every 100 ms until stopped, recording each bucket's sequence. */
    private Future<Map<Integer, List<Long>>> sampling(HubClient client, String owner, AtomicBoolean stop) {
        return background.submit(() -> {
            Map<Integer, List<Long>> checkpoints = new HashMap<>();
            for (int samples = 0; samples < 2_000 && !stop.get(); samples++) {
                OwnerStatus status = client.owner(owner);
                status.buckets().forEach(bucket -> checkpoints.computeIfAbsent(bucket.bucket(), b -> new ArrayList<>())
                        .add(bucket.checkpoint()));
                Thread.sleep(100);
            }
            return checkpoints;
        });
    }

    @Test
    void theSurvivorTakesOverACrashedRuntimesBucketsLosingNothingAndKeepingOrder() throws Exception {
        // given two runtimes of one owner, and appends to many streams going on
        HubClient client = clients.getFirst();
        String category = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String owner = uniqueOwner();
        client.putOwner(owner, OwnerOptions.defaults().startFrom(StartFrom.LATEST).categories(List.of(category)));
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            streams.add(category + "-" + i);
        }
        Handled handled = new Handled();
        AtomicBoolean stopSampling = new AtomicBoolean();
        Future<Map<Integer, List<Long>>> samples = sampling(client(), owner, stopSampling);
        HubConsumer crashing = runtime(owner, "crashing", handled);
        runtime(owner, "surviving", handled);
        CountDownLatch crashed = new CountDownLatch(1);
        AtomicInteger appendedSoFar = new AtomicInteger();
        Future<List<AppendResponse>> appends = appending(client(), streams, crashed, appendedSoFar);

        // when the first runtime crashes mid-stream, holding buckets and uncommitted work
        assertThat(eventually(Duration.ofSeconds(60), () -> countBy(handled, "crashing") >= 40))
                .as(() -> "crashing handled [%d] surviving handled [%d] appended [%d]".formatted(
                        countBy(handled, "crashing"), countBy(handled, "surviving"), appendedSoFar.get()))
                .isTrue();
        Set<Integer> crashedBuckets = bucketsOf(client.owner(owner), "crashing");
        crashing.crash();
        crashed.countDown();
        int handledByCrashed = countBy(handled, "crashing");
        int appendedBeforeCrash = appendedSoFar.get();
        List<AppendResponse> appended = appends.get(120, TimeUnit.SECONDS);

        // then every event is handled at least once, and the survivor ends holding everything
        Set<UUID> expected = new HashSet<>();
        appended.forEach(answer -> expected.add(answer.events().getFirst().id()));
        assertThat(eventually(Duration.ofSeconds(60), () -> handledIds(handled).containsAll(expected)))
                .as(() -> "handled [%d] of [%d] appended".formatted(handledIds(handled).size(), expected.size()))
                .isTrue();
        assertThat(appendedBeforeCrash).isLessThan(expected.size());
        assertThat(eventually(Duration.ofSeconds(10), () -> client.owner(owner).lag() == 0)).isTrue();
        stopSampling.set(true);
        OwnerStatus end = client.owner(owner);
        assertThat(bucketsOf(end, "surviving")).hasSize(end.buckets().size());
        assertThat(crashedBuckets).isNotEmpty();
        assertThat(countBy(handled, "crashing")).as("nothing handled after the crash").isEqualTo(handledByCrashed);
        assertThat(handled.all()).anySatisfy(h -> {
            assertThat(h.runtime()).isEqualTo("surviving");
            assertThat(crashedBuckets).contains(h.event().bucket());
        });

        // and within each runtime's lease of a bucket, each stream's versions come in order without gaps
        leaseRuns(handled).forEach((lease, versions) -> versions.forEach((stream, list) -> {
            for (int i = 1; i < list.size(); i++) {
                assertThat(list.get(i)).as("%s stream %s", lease, stream).isEqualTo(list.get(i - 1) + 1);
            }
        }));

        // and no checkpoint ever moved backwards
        Map<Integer, List<Long>> checkpoints = samples.get(60, TimeUnit.SECONDS);
        assertThat(checkpoints).hasSize(end.buckets().size());
        checkpoints.forEach((bucket, sequence) -> assertThat(sequence).as("bucket %d", bucket).isSorted());
        assertThat(checkpoints.values().stream().mapToInt(List::size).min().orElse(0)).isGreaterThan(10);
    }

    private static int countBy(Handled handled, String runtime) {
        return (int) handled.all().stream().filter(h -> h.runtime().equals(runtime)).count();
    }

    private static Set<UUID> handledIds(Handled handled) {
        Set<UUID> ids = ConcurrentHashMap.newKeySet();
        handled.all().forEach(h -> ids.add(h.event().id()));
        return ids;
    }

    private static Set<Integer> bucketsOf(OwnerStatus status, String key) {
        Set<Integer> buckets = new HashSet<>();
        status.buckets().stream().filter(b -> key.equals(b.holder())).forEach(b -> buckets.add(b.bucket()));
        return buckets;
    }

    /** Per runtime, bucket and epoch: each stream's versions in the order that runtime handled them. */
    private static Map<String, Map<String, List<Long>>> leaseRuns(Handled handled) {
        Map<String, Map<String, List<Long>>> runs = new LinkedHashMap<>();
        for (Handled.Handling h : handled.all()) {
            String lease = "%s bucket %d epoch %d".formatted(h.runtime(), h.event().bucket(), h.event().epoch());
            runs.computeIfAbsent(lease, l -> new LinkedHashMap<>())
                    .computeIfAbsent(h.event().stream(), s -> new CopyOnWriteArrayList<>()).add(h.event().version());
        }
        return runs;
    }
}
