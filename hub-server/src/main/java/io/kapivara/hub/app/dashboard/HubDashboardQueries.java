package io.kapivara.hub.app.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.bus.OwnerNotFoundException;
import io.kapivara.hub.bus.web.BusWire;
import io.kapivara.hub.client.model.AuditPage;
import io.kapivara.hub.client.model.BucketList;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.StreamPage;
import io.kapivara.hub.dashboard.DashboardQueries;
import io.kapivara.hub.dashboard.LagHistory;
import io.kapivara.hub.dashboard.MinuteCount;
import io.kapivara.hub.dashboard.StoreTotals;
import io.kapivara.hub.dashboard.StreamSummary;
import io.kapivara.hub.shared.web.WireEvents;
import io.kapivara.hub.store.EventNotFoundException;
import io.kapivara.hub.store.EventReader;
import io.kapivara.hub.store.StoreQueries;
import io.kapivara.hub.store.StreamNotFoundException;

/** The dashboard's reads, answered by the store's and the bus's query use cases in this process. */
final class HubDashboardQueries implements DashboardQueries {

    private final StoreQueries store;
    private final BusQueries bus;
    private final LagSampler lag;

    HubDashboardQueries(StoreQueries store, BusQueries bus, LagSampler lag) {
        this.store = store;
        this.bus = bus;
        this.lag = lag;
    }

    @Override
    public StoreTotals totals() {
        EventReader.Totals totals = Refusals.translate(store::totals);
        return new StoreTotals(totals.events(), totals.streams(), totals.lastRecordedAt());
    }

    @Override
    public BucketList buckets() {
        List<Long> heads = Refusals.translate(bus::heads);
        return new BucketList(heads.size(), IntStream.range(0, heads.size())
                .mapToObj(bucket -> new BucketList.Bucket(bucket, heads.get(bucket))).toList());
    }

    @Override
    public List<MinuteCount> appendsPerMinute(int minutes) {
        return Refusals.translate(() -> store.appendsPerMinute(minutes)).stream()
                .map(count -> new MinuteCount(count.minute(), count.events())).toList();
    }

    @Override
    public List<OwnerStatus> owners() {
        Instant now = Instant.now();
        return Refusals.translate(bus::owners).stream().map(view -> BusWire.owner(view, now)).toList();
    }

    @Override
    public Optional<OwnerStatus> owner(String owner) {
        return Refusals.translate(() -> {
            try {
                return Optional.of(BusWire.owner(bus.owner(owner), Instant.now()));
            } catch (OwnerNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public LagHistory lagHistory(String owner) {
        return lag.history(owner);
    }

    @Override
    public List<StreamSummary> streams(String prefix, @Nullable String after, int limit) {
        return Refusals.translate(() -> store.streamsByPrefix(prefix, after, limit)).stream()
                .map(state -> new StreamSummary(state.stream(), state.version(), state.bucket(), state.partitionKey()))
                .toList();
    }

    @Override
    public Optional<StreamPage> stream(String stream, long from, int limit) {
        return Refusals.translate(() -> {
            try {
                var page = store.readStream(stream, from, StoreQueries.Direction.FORWARD, limit);
                return Optional.of(new StreamPage(page.stream(), page.version(), page.bucket(), "forward",
                        next(page, limit), WireEvents.toWire(page.events())));
            } catch (StreamNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<RecordedEvent> event(UUID id) {
        return Refusals.translate(() -> {
            try {
                return Optional.of(WireEvents.toWire(store.event(id)));
            } catch (EventNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public AuditPage audit(@Nullable String owner, @Nullable Long before, int limit) {
        var entries = Refusals.translate(() -> bus.audit(owner, before, limit));
        Long next = entries.size() < limit ? null : entries.getLast().id();
        return new AuditPage(entries.stream().map(BusWire::audit).toList(), next);
    }

    private static @Nullable Long next(StoreQueries.StreamPage page, int limit) {
        if (page.events().size() < limit) {
            return null;
        }
        long last = page.events().getLast().version();
        return last < page.version() ? last + 1 : null;
    }
}
