package io.kapivara.hub.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.store.JsonText;
import io.kapivara.hub.store.RecordedEvent;
import io.kapivara.hub.store.StoreLimits;

class TailSessionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TailFrames FRAMES = new TailFrames(JSON);

    private static String frame(int position) {
        return FRAMES.event(new RecordedEvent(UUID.randomUUID(), "order-1", "order.placed", new JsonText("{}"), null,
                position, position, 0, position, Instant.parse("2026-01-31T12:00:00Z")));
    }

    private static String describe(String frame) {
        JsonNode json = JSON.readTree(frame);
        return switch (json.path("kind").asString()) {
            case "event" -> "event " + json.path("globalPosition").asLong();
            case "skipped" -> "skipped " + json.path("count").asLong() + " " + json.path("reason").asString();
            default -> json.path("kind").asString();
        };
    }

    // A stalled browser: sending blocks until the test lets it go.
    private static void await(CountDownLatch release) throws InterruptedIOException {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while stalled");
        }
    }

    private static Thread drain(TailSession session) {
        return Thread.ofVirtual().start(() -> {
            try {
                session.drain();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void dropsWhatAStalledBrowserCannotTakeAndSaysHowManyAtTheGap() throws Exception {
        // given: a browser that stalls on the first frame, and room for three more
        List<String> sent = new CopyOnWriteArrayList<>();
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TailSession session = new TailSession(TailFilter.ALL, 3, FRAMES, frame -> {
            sending.countDown();
            await(release);
            sent.add(describe(frame));
        });
        Thread drainer = drain(session);
        session.offer(frame(1));
        assertThat(sending.await(5, TimeUnit.SECONDS)).isTrue();

        // when: ten more arrive while it stalls, then it recovers and one more arrives
        for (int position = 2; position <= 11; position++) {
            session.offer(frame(position));
        }
        assertThat(session.queued()).isEqualTo(3);
        release.countDown();
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> session.queued() == 0);
        session.offer(frame(12));

        // then
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sent.size() == 6);
        assertThat(sent).containsExactly("event 1", "event 2", "event 3", "event 4", "skipped 7 slow", "event 12");
        session.close();
        drainer.join(2_000);
    }

    @Test
    void reportsEventsSkippedInABurstEvenWhenNothingFollows() throws Exception {
        // given
        List<String> sent = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        TailSession session = new TailSession(TailFilter.ALL, 2, FRAMES, frame -> {
            await(release);
            sent.add(describe(frame));
        });

        // when: five arrive before the browser takes any
        for (int position = 1; position <= 5; position++) {
            session.offer(frame(position));
        }
        Thread drainer = drain(session);
        release.countDown();

        // then
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sent.size() == 3);
        assertThat(sent).containsExactly("event 1", "event 2", "skipped 3 slow");
        session.close();
        drainer.join(2_000);
    }

    @Test
    void neverHoldsMoreThanItsCapacityWhateverArrives() {
        TailSession session = new TailSession(TailFilter.ALL, 16, FRAMES, frame -> { });

        for (int position = 1; position <= 10_000; position++) {
            session.offer(frame(position));
        }

        assertThat(session.queued()).isEqualTo(16);
    }

    @Test
    void countsWhatArrivesWhilePausedAndSaysSoOnResume() throws Exception {
        // given
        List<String> sent = new CopyOnWriteArrayList<>();
        TailSession session = new TailSession(TailFilter.ALL, 10, FRAMES, frame -> sent.add(describe(frame)));
        Thread drainer = drain(session);
        session.ready(41);

        // when
        session.pause();
        for (int position = 42; position <= 45; position++) {
            session.offer(frame(position));
        }
        session.resume();
        session.offer(frame(46));

        // then
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> sent.size() == 5);
        assertThat(sent).containsExactly("ready", "paused", "resumed", "skipped 4 paused", "event 46");
        session.close();
        drainer.join(2_000);
    }

    @Test
    void wantsOnlyEventsItsFilterLetsThrough() {
        TailFilter filter = TailFilter.of(java.util.Map.of("stream", "order-1", "bucket", "0"),
                StoreLimits.DEFAULTS, 16);
        TailSession session = new TailSession(filter, 1, FRAMES, frame -> { });
        RecordedEvent match = new RecordedEvent(UUID.randomUUID(), "order-1", "t", new JsonText("{}"), null, 0, 1,
                0, 1, Instant.EPOCH);
        RecordedEvent other = new RecordedEvent(UUID.randomUUID(), "order-2", "t", new JsonText("{}"), null, 0, 2,
                0, 2, Instant.EPOCH);

        assertThat(session.wants(match)).isTrue();
        assertThat(session.wants(other)).isFalse();
    }
}
