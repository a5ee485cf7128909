package io.kapivara.hub.client.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kapivara.hub.client.model.Commit;

/**
 * Decides when to commit and what: every {@code every} handled events, or {@code interval} after
 * the previous commit, whichever comes first, and only buckets whose progress passed what was
 * committed under the same lease. Used by the coordinator's thread only.
 */
final class CommitTracker {

    private record Lease(int bucket, long epoch) {
    }

    private final int every;
    private final long intervalNanos;
    private final Map<Lease, Long> committedOffsets = new HashMap<>();
    private final Map<Lease, Long> committedEvents = new HashMap<>();
    private long lastCommitNanos;

    CommitTracker(int every, Duration interval, long nowNanos) {
        this.every = every;
        this.intervalNanos = interval.toNanos();
        this.lastCommitNanos = nowNanos;
    }

    /** One commit per lease whose handled offset lies beyond what was committed under it. */
    List<Commit> pending(List<Progress> progress) {
        List<Commit> commits = new ArrayList<>();
        for (Progress p : progress) {
            if (p.offset() > committedOffsets.getOrDefault(lease(p), -1L)) {
                commits.add(new Commit(p.bucket(), p.offset(), p.epoch()));
            }
        }
        return commits;
    }

    /** Whether something is pending and either enough events were handled or the interval passed. */
    boolean due(List<Progress> progress, long nowNanos) {
        if (pending(progress).isEmpty()) {
            return false;
        }
        return uncommittedEvents(progress) >= every || nowNanos - lastCommitNanos >= intervalNanos;
    }

    /** How long until a commit is due by time; {@link Long#MAX_VALUE} when nothing is pending. */
    long nanosUntilDue(List<Progress> progress, long nowNanos) {
        if (pending(progress).isEmpty()) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, lastCommitNanos + intervalNanos - nowNanos);
    }

    /** Records that the hub accepted the commits made of {@code progress}. */
    void committed(List<Progress> progress, long nowNanos) {
        for (Progress p : progress) {
            committedOffsets.merge(lease(p), p.offset(), Math::max);
            committedEvents.merge(lease(p), p.events(), Math::max);
        }
        lastCommitNanos = nowNanos;
    }

    /** Takes an offset as committed without committing it, so that it is not sent again. */
    void settle(int bucket, long epoch, long offset) {
        committedOffsets.merge(new Lease(bucket, epoch), offset, Math::max);
    }

    /** Forgets a lease that ended. */
    void forget(int bucket, long epoch) {
        committedOffsets.remove(new Lease(bucket, epoch));
        committedEvents.remove(new Lease(bucket, epoch));
    }

    private long uncommittedEvents(List<Progress> progress) {
        long events = 0;
        for (Progress p : progress) {
            events += Math.max(0, p.events() - committedEvents.getOrDefault(lease(p), 0L));
        }
        return events;
    }

    private static Lease lease(Progress progress) {
        return new Lease(progress.bucket(), progress.epoch());
    }
}
