package io.kapivara.hub.client.consumer;

import static io.kapivara.hub.client.consumer.Events.event;
import static io.kapivara.hub.client.consumer.Events.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.kapivara.hub.client.model.Commit;
import io.kapivara.hub.client.model.FetchedEvent;

class WorkersTest {

    private final Queue<String> heard = new ConcurrentLinkedQueue<>();
    private final Queue<String> handled = new ConcurrentLinkedQueue<>();
    private final Queue<String> ended = new ConcurrentLinkedQueue<>();

    private final ConsumerListener listener = new ConsumerListener() {
        @Override
        public void bucketAssigned(int bucket, long epoch) {
            heard.add("assigned " + bucket + "@" + epoch);
        }

        @Override
        public void bucketRevoked(int bucket, long epoch) {
            heard.add("revoked " + bucket + "@" + epoch);
        }
    };

    private final Workers workers = new Workers(new Handling("owner", "key", this::record, 1,
            new Backoff(Duration.ZERO, Duration.ZERO), listener, () -> { }), 2,
            (bucket, epoch) -> ended.add(bucket + "@" + epoch));

    /** Open unless a test closes it: the handler waits at it before handling. */
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private void record(FetchedEvent event) throws InterruptedException {
        gate.await(5, TimeUnit.SECONDS);
        handled.add(event.bucket() + "@" + event.epoch() + ":" + event.offset());
    }

    @AfterEach
    void stop() {
        workers.stop();
    }

    @Test
    void startsAWorkerPerHeldBucketAndStopsThoseNoLongerHeld() {
        // when
        workers.hold(Map.of(1, 5L, 2, 7L), true);
        workers.hold(Map.of(2, 7L), true);

        // then
        assertThat(heard).containsExactly("assigned 1@5", "assigned 2@7", "revoked 1@5");
        assertThat(ended).containsExactly("1@5");
        assertThat(workers.progress()).extracting(Progress::bucket).containsExactly(2);
    }

    @Test
    void restartsABucketThatComesBackUnderANewEpoch() {
        // when
        workers.hold(Map.of(1, 5L), true);
        workers.hold(Map.of(1, 6L), true);

        // then
        assertThat(heard).containsExactly("assigned 1@5", "revoked 1@5", "assigned 1@6");
        assertThat(workers.progress()).extracting(Progress::epoch).containsExactly(6L);
    }

    @Test
    void neverStartsAnEpochThatEnded() {
        // given a commit refused as lease lost
        workers.hold(Map.of(1, 5L), true);
        workers.end(1, 5);

        // when an older answer still lists the epoch
        workers.hold(Map.of(1, 5L), true);

        // then
        assertThat(heard).containsExactly("assigned 1@5", "revoked 1@5");
        assertThat(workers.progress()).isEmpty();
    }

    @Test
    void ignoresALeaseLostOfAnotherEpochThanTheCurrent() {
        workers.hold(Map.of(1, 6L), true);

        workers.end(1, 5);

        assertThat(heard).containsExactly("assigned 1@6");
        assertThat(workers.progress()).hasSize(1);
    }

    @Test
    void dropsEventsOfOtherEpochsAndHandsTheRestWithTheirPositions() throws Exception {
        // given
        workers.hold(Map.of(1, 5L, 2, 7L), true);

        // when
        workers.dispatch(List.of(event(1, 10, 4), event(1, 11, 5), event(2, 3, 7), event(3, 1, 1)),
                List.of(new Commit(1, 12, 5), new Commit(2, 3, 7), new Commit(3, 1, 1)));

        // then
        assertThat(eventually(() -> workers.progress().equals(List.of(new Progress(1, 5, 12, 1),
                new Progress(2, 7, 3, 1))))).isTrue();
        assertThat(handled).containsExactlyInAnyOrder("1@5:11", "2@7:3");
    }

    @Test
    void beginsNoWorkerWhileClosing() {
        workers.hold(Map.of(1, 5L), true);

        workers.hold(Map.of(1, 5L, 2, 1L), false);

        assertThat(heard).containsExactly("assigned 1@5");
    }

    @Test
    void hasNoRoomWhileABucketsBacklogIsFull() throws Exception {
        // given a handler held at its gate, and room for 2 queued events per bucket
        gate = new CountDownLatch(1);
        workers.hold(Map.of(1, 5L, 2, 7L), true);
        assertThat(workers.haveRoom()).isTrue();

        // when
        workers.dispatch(List.of(event(1, 1, 5), event(1, 2, 5), event(1, 3, 5), event(2, 1, 7)), List.of());

        // then
        assertThat(workers.haveRoom()).isFalse();
        assertThat(workers.busy()).isTrue();
        gate.countDown();
        assertThat(eventually(() -> handled.size() == 4)).isTrue();
        assertThat(workers.haveRoom()).isTrue();
        assertThat(workers.busy()).isFalse();
    }
}
