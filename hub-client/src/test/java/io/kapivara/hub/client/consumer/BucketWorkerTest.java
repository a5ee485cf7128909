package io.kapivara.hub.client.consumer;

import static io.kapivara.hub.client.consumer.Events.event;
import static io.kapivara.hub.client.consumer.Events.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapivara.hub.client.model.FetchedEvent;

class BucketWorkerTest {

    private final Queue<Long> handled = new ConcurrentLinkedQueue<>();
    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();
    private final Queue<HandlerFailure> failures = new ConcurrentLinkedQueue<>();
    private BucketWorker worker;

    private final ConsumerListener listener = new ConsumerListener() {
        @Override
        public void bucketFailed(HandlerFailure failure) {
            failures.add(failure);
        }
    };

    private BucketWorker start(EventHandler handler) {
        Handling handling = new Handling("owner", "key", handler, 3,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)), listener, () -> { });
        worker = new BucketWorker(7, 2, handling);
        worker.start();
        return worker;
    }

    private void record(FetchedEvent event) {
        attempts.merge(event.offset(), 1, Integer::sum);
        handled.add(event.offset());
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    @Test
    void handsEventsInOffsetOrderAndCountsPositionsPastFilteredEvents() throws Exception {
        // given
        start(this::record);

        // when
        worker.offer(event(7, 3, 2));
        worker.offer(event(7, 4, 2));
        worker.offer(event(7, 6, 2));
        worker.reach(9);

        // then
        assertThat(eventually(() -> worker.progress().offset() == 9)).isTrue();
        assertThat(handled).containsExactly(3L, 4L, 6L);
        assertThat(worker.progress()).isEqualTo(new Progress(7, 2, 9, 3));
        assertThat(worker.backlog()).isZero();
    }

    @Test
    void takesAnEventItAlreadyHasOnlyOnce() throws Exception {
        start(this::record);

        assertThat(worker.offer(event(7, 1, 2))).isTrue();
        assertThat(worker.offer(event(7, 1, 2))).isFalse();
        worker.reach(1);
        assertThat(worker.offer(event(7, 2, 2))).isTrue();

        assertThat(eventually(() -> worker.progress().offset() == 2)).isTrue();
        assertThat(handled).containsExactly(1L, 2L);
    }

    @Test
    void retriesAFailingEventThenStopsTheBucketWithProgressBeforeIt() throws Exception {
        // given a handler that always fails on offset 2
        start(event -> {
            record(event);
            if (event.offset() == 2) {
                throw new IllegalStateException("cannot handle 2");
            }
        });

        // when
        worker.offer(event(7, 1, 2));
        worker.offer(event(7, 2, 2));
        worker.offer(event(7, 3, 2));
        worker.reach(5);

        // then
        assertThat(eventually(() -> !failures.isEmpty())).isTrue();
        HandlerFailure failure = failures.peek();
        assertThat(failure.bucket()).isEqualTo(7);
        assertThat(failure.epoch()).isEqualTo(2);
        assertThat(failure.event().offset()).isEqualTo(2);
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.cause()).hasMessage("cannot handle 2");
        assertThat(attempts).containsEntry(2L, 3).doesNotContainKey(3L);
        assertThat(worker.state()).isEqualTo(BucketWorker.State.FAILED);
        assertThat(worker.progress().offset()).isEqualTo(1);
        assertThat(worker.offer(event(7, 6, 2))).isFalse();
        assertThat(eventually(worker::ended)).isTrue();
    }

    @Test
    void goesOnWhenALaterAttemptSucceeds() throws Exception {
        // given a handler that fails twice on offset 1
        start(event -> {
            record(event);
            if (attempts.get(event.offset()) < 3) {
                throw new IllegalStateException("not yet");
            }
        });

        // when
        worker.offer(event(7, 1, 2));
        worker.offer(event(7, 2, 2));

        // then
        assertThat(eventually(() -> worker.progress().offset() == 2)).isTrue();
        assertThat(attempts).containsEntry(1L, 3);
        assertThat(failures).isEmpty();
    }

    @Test
    void stopsAtOnceDroppingWhatIsQueued() throws Exception {
        // given a handler busy with the first event
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(event -> {
            record(event);
            busy.countDown();
            release.await(5, TimeUnit.SECONDS);
        });
        worker.offer(event(7, 1, 2));
        worker.offer(event(7, 2, 2));
        worker.offer(event(7, 3, 2));
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();

        // when
        worker.stop();
        release.countDown();

        // then
        assertThat(eventually(worker::ended)).isTrue();
        assertThat(handled).containsExactly(1L);
        assertThat(worker.state()).isEqualTo(BucketWorker.State.STOPPED);
        assertThat(worker.offer(event(7, 4, 2))).isFalse();
    }

    @Test
    void finishesWhatIsQueuedThenEnds() throws Exception {
        // given
        start(this::record);
        List.of(1L, 2L, 3L).forEach(offset -> worker.offer(event(7, offset, 2)));

        // when
        worker.finish();

        // then
        assertThat(worker.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(handled).containsExactly(1L, 2L, 3L);
        assertThat(worker.state()).isEqualTo(BucketWorker.State.DONE);
        assertThat(worker.progress().offset()).isEqualTo(3);
    }

    @Test
    void stopsTheBucketAtTheFirstError() throws Exception {
        start(event -> {
            record(event);
            throw new AssertionError("broken");
        });

        worker.offer(event(7, 1, 2));

        assertThat(eventually(() -> !failures.isEmpty())).isTrue();
        assertThat(failures.peek().attempts()).isEqualTo(1);
        assertThat(failures.peek().cause()).isInstanceOf(AssertionError.class);
        assertThat(worker.progress().offset()).isEqualTo(-1);
    }
}
