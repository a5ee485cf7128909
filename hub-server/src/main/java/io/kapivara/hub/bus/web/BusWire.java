package io.kapivara.hub.bus.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.bus.Assignment;
import io.kapivara.hub.bus.AuditEntry;
import io.kapivara.hub.bus.BucketState;
import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.bus.EventFilter;
import io.kapivara.hub.bus.FetchCursor;
import io.kapivara.hub.bus.FetchService;
import io.kapivara.hub.bus.FetchedEvent;
import io.kapivara.hub.bus.Subscription;
import io.kapivara.hub.client.model.AssignmentResponse;
import io.kapivara.hub.client.model.AuditRecord;
import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.Commit;
import io.kapivara.hub.client.model.FetchResponse;
import io.kapivara.hub.client.model.Filter;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.OwnerSummary;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.WireEvents;
import io.kapivara.hub.store.RecordedEvent;

/**
 * Maps the bus's domain values to the wire model; public for the dashboard's adapter, which shows
 * the same records.
 */
public final class BusWire {

    private BusWire() {
    }

    static AssignmentResponse assignment(Assignment assignment) {
        return new AssignmentResponse(assignment.key(), assignment.buckets().stream()
                .map(lease -> new AssignmentResponse.LeaseGrant(lease.bucket(), lease.epoch(), lease.expiresAt()))
                .toList(), assignment.heartbeat().toMillis());
    }

    public static OwnerStatus owner(BusQueries.OwnerView view, Instant now) {
        List<OwnerStatus.BucketStatus> buckets = view.buckets().stream().map(b -> bucket(b, now)).toList();
        List<OwnerStatus.SubscriptionStatus> subscriptions = view.subscriptions().stream()
                .map(s -> subscription(s, view.buckets())).toList();
        return new OwnerStatus(view.owner().name(), view.owner().startFrom().wire(), filter(view.owner().filter()),
                view.owner().paused(), view.owner().createdAt(), view.lag(), lagSeconds(view.buckets(), now),
                buckets, subscriptions);
    }

    public static OwnerSummary summary(BusQueries.OwnerView view, Instant now) {
        int live = (int) view.subscriptions().stream().filter(Subscription::live).count();
        return new OwnerSummary(view.owner().name(), view.owner().startFrom().wire(), view.owner().paused(),
                view.lag(), lagSeconds(view.buckets(), now), live);
    }

    public static BucketCheckpoint checkpoint(BusQueries.BucketView view) {
        BucketState state = view.state();
        RecordedEvent committed = view.committed();
        return new BucketCheckpoint(view.owner(), state.bucket(), state.checkpoint(), state.head(), state.lag(),
                state.validHolder(), state.epoch(), state.leaseValid() ? state.leaseExpiresAt() : null, state.pinned(),
                committed == null ? null : WireEvents.toWire(committed));
    }

    static FetchResponse fetch(FetchService.Fetch fetch) {
        return new FetchResponse(fetch.events().stream().map(BusWire::event).toList(), fetch.positions().encode(),
                fetch.positions().positions().entrySet().stream()
                        .map(entry -> new Commit(entry.getKey(), entry.getValue().offset(), entry.getValue().epoch()))
                        .sorted(java.util.Comparator.comparingInt(Commit::bucket))
                        .toList(),
                fetch.paused());
    }

    public static AuditRecord audit(AuditEntry entry) {
        return new AuditRecord(entry.id(), entry.at(), entry.action(), entry.owner(), entry.target(), entry.before(),
                entry.after(), entry.actor());
    }

    static EventFilter filter(@Nullable Filter filter) {
        if (filter == null) {
            return EventFilter.ALL;
        }
        return new EventFilter(entries("filter.types", filter.types()),
                entries("filter.categories", filter.categories()));
    }

    /** A filter's list as sent: absent is empty, and a null entry, which JSON allows, is refused. */
    private static List<String> entries(String field, @Nullable List<String> entries) {
        if (entries == null) {
            return List.of();
        }
        int nullAt = entries.indexOf(null);
        if (nullAt >= 0) {
            throw new InvalidRequestException(field + "[" + nullAt + "]", "null", "A filter lists names, not null");
        }
        return entries;
    }

    static Filter filter(EventFilter filter) {
        return new Filter(filter.types(), filter.categories());
    }

    private static io.kapivara.hub.client.model.FetchedEvent event(FetchedEvent fetched) {
        RecordedEvent e = fetched.event();
        return new io.kapivara.hub.client.model.FetchedEvent(e.id(), e.stream(), e.type(), WireEvents.raw(e.data()),
                e.metadata() == null ? null : WireEvents.raw(e.metadata()), e.version(), e.globalPosition(),
                e.bucket(), e.offset(), e.recordedAt(), fetched.epoch());
    }

    private static OwnerStatus.BucketStatus bucket(BucketState b, Instant now) {
        return new OwnerStatus.BucketStatus(b.bucket(), b.head(), b.checkpoint(), b.lag(), b.validHolder(), b.epoch(),
                b.leaseValid() ? b.leaseExpiresAt() : null, b.pinned(), b.oldestPending(), age(b.oldestPending(), now));
    }

    private static OwnerStatus.SubscriptionStatus subscription(Subscription s, List<BucketState> buckets) {
        List<Integer> held = buckets.stream().filter(b -> s.key().equals(b.validHolder()))
                .map(BucketState::bucket).toList();
        return new OwnerStatus.SubscriptionStatus(s.key(), s.live(), s.expiresAt(), s.createdAt(), held);
    }

    private static double lagSeconds(List<BucketState> buckets, Instant now) {
        return buckets.stream().mapToDouble(b -> age(b.oldestPending(), now)).max().orElse(0);
    }

    private static double age(@Nullable Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }

    static @Nullable FetchCursor cursor(@Nullable String cursor) {
        return cursor == null || cursor.isEmpty() ? null : FetchCursor.decode(cursor);
    }
}
