package io.kapivara.hub.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a history run saw, recorded as it happened, and the checks over it. Every record carries
 * the monotonic time it was made at, so checks can order what different threads saw.
 */
final class History {

    record Appended(UUID id, String stream, long version) {
    }

    record Delivered(String key, int bucket, long epoch, long offset, UUID id, String stream, long version) {
    }

    record Committed(String key, int bucket, long epoch, long offset) {
    }

    /** A sample of one bucket's checkpoint, between {@code asked} and {@code answered}. */
    record Sample(int bucket, long checkpoint, long asked, long answered) {
    }

    /** An operator seek of a bucket, between {@code started} and {@code ended}. */
    record Seek(int bucket, long started, long ended) {
    }

    final Map<UUID, Appended> appended = new ConcurrentHashMap<>();
    final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    final List<Committed> committed = new CopyOnWriteArrayList<>();
    final List<Sample> samples = new CopyOnWriteArrayList<>();
    final List<Seek> seeks = new CopyOnWriteArrayList<>();
    final List<String> faults = new CopyOnWriteArrayList<>();

    /** Acknowledged appends that the owner never received. */
    List<UUID> lost() {
        Set<UUID> received = new HashSet<>();
        delivered.forEach(delivery -> received.add(delivery.id()));
        return appended.keySet().stream().filter(id -> !received.contains(id)).toList();
    }

    /** Within one subscription's lease (key, bucket, epoch), a stream's versions must only grow. */
    List<String> orderViolations() {
        Map<String, Long> last = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Delivered d : delivered) {
            String lease = d.key() + "/" + d.bucket() + "/" + d.epoch() + "/" + d.stream();
            Long previous = last.put(lease, d.version());
            if (previous != null && previous >= d.version()) {
                violations.add(lease + ": version " + d.version() + " after " + previous);
            }
        }
        return violations;
    }

    /** A checkpoint that went down between two samples with no seek of its bucket in between. */
    List<String> backwardCheckpoints() {
        Map<Integer, Sample> last = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Sample sample : samples) {
            Sample previous = last.put(sample.bucket(), sample);
            if (previous != null && sample.checkpoint() < previous.checkpoint() && !seekBetween(previous, sample)) {
                violations.add("bucket " + sample.bucket() + ": " + previous.checkpoint() + " -> "
                        + sample.checkpoint());
            }
        }
        return violations;
    }

    private boolean seekBetween(Sample earlier, Sample later) {
        return seeks.stream().anyMatch(seek -> seek.bucket() == later.bucket()
                && seek.started() < later.answered() && seek.ended() > earlier.asked());
    }

    /** Two subscriptions whose commits both succeeded in one bucket under one epoch. */
    List<String> sharedEpochs() {
        Map<String, String> committer = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Committed commit : committed) {
            String lease = commit.bucket() + "@" + commit.epoch();
            String previous = committer.putIfAbsent(lease, commit.key());
            if (previous != null && !previous.equals(commit.key())) {
                violations.add(lease + " committed by " + previous + " and " + commit.key());
            }
        }
        return violations;
    }

    /** An event delivered twice within one lease: a duplicate no lease change explains. */
    List<String> unexplainedDuplicates() {
        Set<String> seen = new HashSet<>();
        List<String> violations = new ArrayList<>();
        for (Delivered d : delivered) {
            if (!seen.add(d.key() + "/" + d.epoch() + "/" + d.id())) {
                violations.add(d.id() + " twice under " + d.key() + " epoch " + d.epoch());
            }
        }
        return violations;
    }

    long duplicates() {
        return delivered.size() - delivered.stream().map(Delivered::id).distinct().count();
    }
}
