package io.kapivara.hub.client.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.client.model.Commit;
import io.kapivara.hub.client.model.FetchedEvent;

/**
 * The node's bucket workers, one per bucket it holds, each bound to the epoch of its lease. Used by
 * the coordinator's thread only.
 *
 * <p>An epoch that ended never comes back: the hub gives every new lease of a bucket a higher
 * epoch. So a worker is started only for an epoch above every one seen ending in its bucket, and
 * events or positions of any other epoch than the current worker's are dropped. A bucket that
 * returns under a new epoch is read again from its checkpoint by the hub, so nothing dropped here
 * is lost.
 */
final class Workers {

    private static final Logger log = LoggerFactory.getLogger(Workers.class);

    private final Handling handling;
    private final int maxBacklog;
    private final BiConsumer<Integer, Long> onEnded;
    private final Map<Integer, BucketWorker> current = new TreeMap<>();
    private final Map<Integer, Long> endedEpochs = new HashMap<>();
    private final List<BucketWorker> retiring = new ArrayList<>();

    /**
     * @param maxBacklog how many queued events a bucket may have before fetching waits for it
     * @param onEnded    told the bucket and epoch of every lease that ended
     */
    Workers(Handling handling, int maxBacklog, BiConsumer<Integer, Long> onEnded) {
        this.handling = handling;
        this.maxBacklog = maxBacklog;
        this.onEnded = onEnded;
    }

    /**
     * Brings the workers in line with what the hub says the node holds now, bucket to epoch:
     * stops those of leases that ended and, when {@code begin}, starts those of new leases.
     */
    void hold(Map<Integer, Long> held, boolean begin) {
        for (BucketWorker worker : List.copyOf(current.values())) {
            Long epoch = held.get(worker.bucket());
            if (epoch == null || epoch > worker.epoch()) {
                end(worker.bucket(), worker.epoch());
            }
        }
        new TreeMap<>(held).forEach((bucket, epoch) -> {
            if (begin && !current.containsKey(bucket) && epoch > endedEpochs.getOrDefault(bucket, -1L)) {
                begin(bucket, epoch);
            }
        });
    }

    /** Ends a lease the hub said is lost; a no-op when the bucket's worker has another epoch. */
    void end(int bucket, long epoch) {
        endedEpochs.merge(bucket, epoch, Math::max);
        BucketWorker worker = current.get(bucket);
        if (worker == null || worker.epoch() != epoch) {
            return;
        }
        current.remove(bucket);
        worker.stop();
        retiring.add(worker);
        onEnded.accept(bucket, epoch);
        log.info("Owner [{}] key [{}] bucket [{}] epoch [{}] revoked", handling.owner(), handling.key(), bucket,
                epoch);
        Listeners.bucketRevoked(handling.listener(), bucket, epoch);
    }

    private void begin(int bucket, long epoch) {
        BucketWorker worker = new BucketWorker(bucket, epoch, handling);
        current.put(bucket, worker);
        worker.start();
        log.info("Owner [{}] key [{}] bucket [{}] epoch [{}] assigned", handling.owner(), handling.key(), bucket,
                epoch);
        Listeners.bucketAssigned(handling.listener(), bucket, epoch);
    }

    /**
     * Hands a fetch's events to the workers of their leases, then its positions, so that a worker
     * knows how far it got once it handled the events before them. Events of an epoch other than
     * the current worker's are dropped.
     */
    void dispatch(List<FetchedEvent> events, List<Commit> positions) {
        int dropped = 0;
        for (FetchedEvent event : events) {
            BucketWorker worker = current.get(event.bucket());
            if (worker == null || worker.epoch() != event.epoch() || !worker.offer(event)) {
                dropped++;
            }
        }
        for (Commit position : positions) {
            BucketWorker worker = current.get(position.bucket());
            if (worker != null && worker.epoch() == position.epoch()) {
                worker.reach(position.offset());
            }
        }
        if (dropped > 0) {
            log.debug("Owner [{}] key [{}] dropped [{}] of [{}] fetched events of ended or stopped leases",
                    handling.owner(), handling.key(), dropped, events.size());
        }
    }

    /** Whether every running worker has room for another fetch. */
    boolean haveRoom() {
        return current.values().stream().allMatch(worker -> worker.backlog() < maxBacklog);
    }

    /** Whether any worker still has events to handle. */
    boolean busy() {
        return current.values().stream().anyMatch(worker -> worker.backlog() > 0);
    }

    /** How far each current worker got, failed ones included: their progress stops before the failing event. */
    List<Progress> progress() {
        return current.values().stream().map(BucketWorker::progress).toList();
    }

    /** Lets every worker handle what it has queued, then end. */
    void finish() {
        current.values().forEach(BucketWorker::finish);
    }

    /** Whether every worker's thread ended, those of ended leases included. */
    boolean ended() {
        retiring.removeIf(BucketWorker::ended);
        return retiring.isEmpty() && current.values().stream().allMatch(BucketWorker::ended);
    }

    /** Stops every worker at once. */
    void stop() {
        current.values().forEach(BucketWorker::stop);
        retiring.forEach(BucketWorker::stop);
    }

    /** Stops every worker at once and interrupts its handler. */
    void crash() {
        current.values().forEach(BucketWorker::crash);
        retiring.forEach(BucketWorker::crash);
    }
}
