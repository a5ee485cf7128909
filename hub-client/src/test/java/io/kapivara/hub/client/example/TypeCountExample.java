package io.kapivara.hub.client.example;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.kapivara.hub.client.HubClient;
import io.kapivara.hub.client.SeekTarget;
import io.kapivara.hub.client.consumer.ConsumerListener;
import io.kapivara.hub.client.consumer.HandlerFailure;
import io.kapivara.hub.client.consumer.HubConsumer;
import io.kapivara.hub.client.model.FetchedEvent;

/**
 * An example application of the consumer runtime: consumes the owner {@code type-counter} and
 * prints how many events of each type the hub holds, every five seconds, until it is stopped
 * (Ctrl-C). See the README for how to run it.
 *
 * <p>The counts live in memory only, so at each start the example moves the owner's checkpoints
 * back to the start of every bucket and counts the whole store again. Delivery is at least once:
 * the handler remembers the ids of the events it counted, so that an event handed again (after a
 * lease moved, or a commit was lost) is not counted twice. An application that keeps its state in
 * a database would store the ids (or the last offset per bucket) in the same transaction as the
 * state instead, and not seek at start.
 *
 * <p>Usage: {@code TypeCountExample [hub-url]}; the URL defaults to the {@code HUB_URL} environment
 * variable, else {@code http://localhost:8080}.
 */
public final class TypeCountExample {

    private static final String OWNER = "type-counter";

    private final Map<String, LongAdder> counts = new ConcurrentSkipListMap<>();
    private final Set<UUID> counted = ConcurrentHashMap.newKeySet();

    private TypeCountExample() {
    }

    public static void main(String[] args) throws InterruptedException {
        String url = args.length > 0 ? args[0] : System.getenv().getOrDefault("HUB_URL", "http://localhost:8080");
        new TypeCountExample().run(url);
    }

    private void run(String url) throws InterruptedException {
        CountDownLatch stop = stopOnShutdown();
        try (HubClient hub = HubClient.builder().baseUrl(url).build();
             HubConsumer consumer = consumer(hub)) {
            hub.putOwner(OWNER);
            hub.seekAll(OWNER, SeekTarget.earliest());
            consumer.start();
            System.out.printf("Counting event types of %s as owner [%s], key [%s]; Ctrl-C to stop%n", url, OWNER,
                    consumer.key());
            while (!stop.await(5, TimeUnit.SECONDS)) {
                print();
            }
        }
        print();
    }

    private HubConsumer consumer(HubClient hub) {
        return HubConsumer.builder()
                .client(hub)
                .owner(OWNER)
                .handler(this::count)
                .closeTimeout(Duration.ofSeconds(5))
                .listener(new ConsumerListener() {
                    @Override
                    public void bucketFailed(HandlerFailure failure) {
                        System.out.printf("bucket %d stopped at event %s%n", failure.bucket(), failure.event().id());
                    }
                })
                .build();
    }

    /** Counts an event once, however often it is handed over. */
    private void count(FetchedEvent event) {
        if (counted.add(event.id())) {
            counts.computeIfAbsent(event.type(), type -> new LongAdder()).increment();
        }
    }

    private void print() {
        StringBuilder text = new StringBuilder("%d events of %d types%n".formatted(counted.size(), counts.size()));
        counts.forEach((type, count) -> text.append("  %8d  %s%n".formatted(count.sum(), type)));
        System.out.print(text);
    }

    /** A latch that opens when the JVM begins to shut down, which then waits for this thread to finish. */
    private static CountDownLatch stopOnShutdown() {
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                main.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "type-counter-stop"));
        return stop;
    }
}
