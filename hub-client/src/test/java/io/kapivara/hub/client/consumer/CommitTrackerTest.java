package io.kapivara.hub.client.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kapivara.hub.client.model.Commit;

class CommitTrackerTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final CommitTracker tracker = new CommitTracker(10, Duration.ofSeconds(1), 0);

    @Test
    void isNotDueWithoutProgressHoweverLongItWaited() {
        List<Progress> progress = List.of(new Progress(0, 1, -1, 0));

        assertThat(tracker.due(progress, 100 * SECOND)).isFalse();
        assertThat(tracker.pending(progress)).isEmpty();
        assertThat(tracker.nanosUntilDue(progress, 0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void isDueOnceEnoughEventsWereHandledAcrossBuckets() {
        // given
        List<Progress> fewer = List.of(new Progress(0, 1, 4, 4), new Progress(1, 1, 5, 5));
        List<Progress> enough = List.of(new Progress(0, 1, 4, 4), new Progress(1, 1, 6, 6));

        // then
        assertThat(tracker.due(fewer, 0)).isFalse();
        assertThat(tracker.due(enough, 0)).isTrue();
        assertThat(tracker.pending(enough)).containsExactly(new Commit(0, 4, 1), new Commit(1, 6, 1));
    }

    @Test
    void isDueAfterTheIntervalForAnyProgress() {
        List<Progress> progress = List.of(new Progress(3, 2, 17, 1));

        assertThat(tracker.due(progress, SECOND - 1)).isFalse();
        assertThat(tracker.nanosUntilDue(progress, SECOND / 4)).isEqualTo(SECOND * 3 / 4);
        assertThat(tracker.due(progress, SECOND)).isTrue();
    }

    @Test
    void commitsPositionsPastFilteredEventsWithoutHandledOnes() {
        // a fetch moved the position past events the owner's filter left out: no event was handled
        List<Progress> progress = List.of(new Progress(3, 2, 40, 0));

        assertThat(tracker.due(progress, 2 * SECOND)).isTrue();
        assertThat(tracker.pending(progress)).containsExactly(new Commit(3, 40, 2));
    }

    @Test
    void sendsOnlyBucketsThatGotFurtherSinceTheLastCommit() {
        // given
        tracker.committed(List.of(new Progress(0, 1, 10, 10), new Progress(1, 1, 20, 20)), SECOND);

        // when
        List<Commit> pending = tracker.pending(List.of(new Progress(0, 1, 10, 10), new Progress(1, 1, 25, 25)));

        // then
        assertThat(pending).containsExactly(new Commit(1, 25, 1));
        assertThat(tracker.due(List.of(new Progress(0, 1, 10, 10), new Progress(1, 1, 25, 25)), SECOND + 1))
                .as("5 events and a fresh interval")
                .isFalse();
    }

    @Test
    void startsOverForANewEpochOfTheSameBucket() {
        // given
        tracker.committed(List.of(new Progress(0, 1, 10, 10)), 0);
        tracker.forget(0, 1);

        // when
        List<Commit> pending = tracker.pending(List.of(new Progress(0, 2, 10, 0)));

        // then
        assertThat(pending).containsExactly(new Commit(0, 10, 2));
    }

    @Test
    void doesNotSendASettledOffsetAgain() {
        tracker.settle(5, 3, 12);

        assertThat(tracker.pending(List.of(new Progress(5, 3, 12, 1)))).isEmpty();
        assertThat(tracker.pending(List.of(new Progress(5, 3, 13, 2)))).containsExactly(new Commit(5, 13, 3));
    }
}
