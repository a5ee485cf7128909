package io.kapivara.hub.bus;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.store.BucketCount;
import io.kapivara.hub.store.EventReader;
import io.kapivara.hub.store.RecordedEvent;
import io.kapivara.hub.store.StoreLimits;
import io.kapivara.hub.store.StreamNotFoundException;

/** Reads of the bus: the query side. */
public final class BusQueries {

    /** The most events or entries one read returns. */
    public static final int MAX_LIMIT = 1_000;

    private final BusStore store;
    private final BucketReader reader;
    private final EventReader events;
    private final BucketCount buckets;
    private final StoreLimits names;

    public BusQueries(BusStore store, BucketReader reader, EventReader events, BucketCount buckets, StoreLimits names) {
        this.store = store;
        this.reader = reader;
        this.events = events;
        this.buckets = buckets;
        this.names = names;
    }

    /** An owner with its place in every bucket and its subscriptions. */
    public record OwnerView(Owner owner, List<BucketState> buckets, List<Subscription> subscriptions) {

        public long lag() {
            return buckets.stream().mapToLong(BucketState::lag).sum();
        }
    }

    public List<OwnerView> owners() {
        return store.reads().owners().stream()
                .map(owner -> new OwnerView(owner, store.reads().buckets(owner.name()),
                        store.reads().subscriptions(owner.name())))
                .toList();
    }

    /** @throws OwnerNotFoundException when it does not exist */
    public OwnerView owner(String owner) {
        Owner found = store.reads().owner(owner).orElseThrow(() -> new OwnerNotFoundException(owner));
        return new OwnerView(found, store.reads().buckets(owner), store.reads().subscriptions(owner));
    }

    /** An owner's place in one bucket, with the last event it committed there (none at checkpoint 0). */
    public record BucketView(String owner, BucketState state, @Nullable RecordedEvent committed) {
    }

    public BucketView bucket(String owner, int bucket) {
        checkBucket(bucket);
        store.reads().owner(owner).orElseThrow(() -> new OwnerNotFoundException(owner));
        BucketState state = store.reads().bucket(owner, bucket).orElseThrow();
        RecordedEvent committed = state.checkpoint() == 0 ? null
                : reader.read(bucket, state.checkpoint(), 1).stream().findFirst().orElse(null);
        return new BucketView(owner, state, committed);
    }

    /** Each bucket's head offset, by bucket. */
    public List<Long> heads() {
        return store.reads().heads();
    }

    /** A bucket's events from offset {@code from}, for inspection and replay; no owner involved. */
    public List<RecordedEvent> bucketEvents(int bucket, long from, int limit) {
        checkBucket(bucket);
        checkLimit(limit);
        if (from < 1) {
            throw new InvalidRequestException("from", from, "A bucket's offsets start at 1");
        }
        return reader.read(bucket, from, limit);
    }

    /**
     * A page of a stream's events after the owner's checkpoint in the stream's bucket, and after
     * bucket offset {@code after} when that is further on (the {@code next} of the previous page).
     */
    public StreamAfterCheckpoint streamAfterCheckpoint(String owner, String stream, long after, int limit) {
        names.checkStreamName(stream);
        checkLimit(limit);
        if (after < 0) {
            throw new InvalidRequestException("after", after, "A bucket offset is 0 or more");
        }
        store.reads().owner(owner).orElseThrow(() -> new OwnerNotFoundException(owner));
        int bucket = events.stream(stream).orElseThrow(() -> new StreamNotFoundException(stream)).bucket();
        long checkpoint = store.reads().bucket(owner, bucket).map(BucketState::checkpoint).orElse(0L);
        long from = Math.max(checkpoint, after);
        List<RecordedEvent> page = reader.readStreamAfter(stream, from, limit);
        return new StreamAfterCheckpoint(page, page.isEmpty() ? from : page.getLast().offset());
    }

    /** Events of a stream, and the bucket offset the next page starts after. */
    public record StreamAfterCheckpoint(List<RecordedEvent> events, long next) {
    }

    /** The audit log, newest first, optionally of one owner, before entry id {@code before}. */
    public List<AuditEntry> audit(@Nullable String owner, @Nullable Long before, int limit) {
        if (owner != null) {
            names.checkName("owner", owner);
        }
        checkLimit(limit);
        if (before != null && before < 0) {
            throw new InvalidRequestException("before", before, "An audit entry id is 0 or more");
        }
        return store.reads().audit(owner, before == null ? Long.MAX_VALUE : before, limit);
    }

    public Optional<Owner> findOwner(String owner) {
        return store.reads().owner(owner);
    }

    private void checkBucket(int bucket) {
        if (bucket < 0 || bucket >= buckets.count()) {
            throw new BucketNotFoundException(bucket, buckets.count());
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", limit, "A limit is 1 to " + MAX_LIMIT);
        }
    }
}
