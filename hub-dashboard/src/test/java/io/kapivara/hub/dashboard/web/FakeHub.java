package io.kapivara.hub.dashboard.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.client.model.AuditPage;
import io.kapivara.hub.client.model.AuditRecord;
import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.BucketList;
import io.kapivara.hub.client.model.Filter;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.SeekRequest;
import io.kapivara.hub.client.model.StreamPage;
import io.kapivara.hub.dashboard.DashboardQueries;
import io.kapivara.hub.dashboard.LagHistory;
import io.kapivara.hub.dashboard.MinuteCount;
import io.kapivara.hub.dashboard.OperatorActions;
import io.kapivara.hub.dashboard.RefusedException;
import io.kapivara.hub.dashboard.StoreTotals;
import io.kapivara.hub.dashboard.StreamSummary;

/**
 * An in-memory hub behind the dashboard's two ports, for the web tests: it holds what a test puts
 * in, and records every operator action it is asked to do.
 */
public final class FakeHub implements DashboardQueries, OperatorActions {

    static final Instant NOW = Instant.parse("2026-01-31T12:00:00Z");
    static final int BUCKETS = 4;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<String, OwnerStatus> owners = new LinkedHashMap<>();
    final Map<String, List<RecordedEvent>> streams = new LinkedHashMap<>();
    final List<AuditRecord> audit = new ArrayList<>();
    final List<String> actions = new ArrayList<>();
    @Nullable RefusedException refusal;

    void reset() {
        owners.clear();
        streams.clear();
        audit.clear();
        actions.clear();
        refusal = null;
    }

    /** An owner with two live subscriptions holding two buckets each, lag {@code 10 * bucket}. */
    OwnerStatus addOwner(String name, boolean paused) {
        List<OwnerStatus.BucketStatus> buckets = IntStream.range(0, BUCKETS).mapToObj(bucket ->
                new OwnerStatus.BucketStatus(bucket, 100, 100 - 10L * bucket, 10L * bucket,
                        bucket < 2 ? "node-a" : "node-b", 3, NOW.plusSeconds(8), bucket == 3,
                        bucket == 0 ? null : NOW.minusSeconds(bucket), bucket)).toList();
        List<OwnerStatus.SubscriptionStatus> subscriptions = List.of(
                new OwnerStatus.SubscriptionStatus("node-a", true, NOW.plusSeconds(8), NOW.minusSeconds(60),
                        List.of(0, 1)),
                new OwnerStatus.SubscriptionStatus("node-b", true, NOW.plusSeconds(9), NOW.minusSeconds(50),
                        List.of(2, 3)));
        OwnerStatus owner = new OwnerStatus(name, "earliest", new Filter(List.of(), List.of()), paused,
                NOW.minusSeconds(3600), 60, 3, buckets, subscriptions);
        owners.put(name, owner);
        return owner;
    }

    RecordedEvent addEvent(String stream, String type, String json) {
        List<RecordedEvent> events = streams.computeIfAbsent(stream, name -> new ArrayList<>());
        long position = streams.values().stream().mapToLong(List::size).sum() + 1;
        RecordedEvent event = new RecordedEvent(UUID.randomUUID(), stream, type, JSON.readTree(json), null,
                events.size(), position, 1, events.size() + 1L, NOW);
        events.add(event);
        return event;
    }

    @Override
    public StoreTotals totals() {
        long events = streams.values().stream().mapToLong(List::size).sum();
        return new StoreTotals(events, streams.size(), events == 0 ? null : NOW);
    }

    @Override
    public BucketList buckets() {
        return new BucketList(BUCKETS, IntStream.range(0, BUCKETS)
                .mapToObj(bucket -> new BucketList.Bucket(bucket, 100L + bucket)).toList());
    }

    @Override
    public List<MinuteCount> appendsPerMinute(int minutes) {
        return IntStream.range(0, minutes)
                .mapToObj(i -> new MinuteCount(NOW.minusSeconds(60L * (minutes - 1 - i)), i)).toList();
    }

    @Override
    public List<OwnerStatus> owners() {
        return List.copyOf(owners.values());
    }

    @Override
    public Optional<OwnerStatus> owner(String owner) {
        return Optional.ofNullable(owners.get(owner));
    }

    @Override
    public LagHistory lagHistory(String owner) {
        return new LagHistory(Duration.ofSeconds(5), 720, List.of(
                new LagHistory.Sample(NOW.minusSeconds(10), 80, 4.5),
                new LagHistory.Sample(NOW.minusSeconds(5), 70, 3.5),
                new LagHistory.Sample(NOW, 60, 3)));
    }

    @Override
    public List<StreamSummary> streams(String prefix, @Nullable String after, int limit) {
        refuseIfAsked();
        return streams.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .filter(entry -> after == null || entry.getKey().compareTo(after) > 0)
                .limit(limit)
                .map(entry -> new StreamSummary(entry.getKey(), entry.getValue().size() - 1L, 1, null))
                .toList();
    }

    @Override
    public Optional<StreamPage> stream(String stream, long from, int limit) {
        List<RecordedEvent> events = streams.get(stream);
        if (events == null) {
            return Optional.empty();
        }
        List<RecordedEvent> page = events.stream().skip(from).limit(limit).toList();
        long last = from + page.size() - 1;
        Long next = page.size() == limit && last < events.size() - 1 ? last + 1 : null;
        return Optional.of(new StreamPage(stream, events.size() - 1L, 1, "forward", next, page));
    }

    @Override
    public Optional<RecordedEvent> event(UUID id) {
        return streams.values().stream().flatMap(List::stream).filter(event -> event.id().equals(id)).findFirst();
    }

    @Override
    public AuditPage audit(@Nullable String owner, @Nullable Long before, int limit) {
        List<AuditRecord> entries = audit.stream()
                .filter(entry -> owner == null || owner.equals(entry.owner()))
                .filter(entry -> before == null || entry.id() < before)
                .limit(limit).toList();
        return new AuditPage(entries, entries.size() < limit ? null : entries.getLast().id());
    }

    @Override
    public BucketCheckpoint assign(String owner, int bucket, String key, String actor) {
        return act("assign " + owner + " " + bucket + " " + key + " by " + actor, owner, bucket, key);
    }

    @Override
    public BucketCheckpoint release(String owner, int bucket, String actor) {
        return act("release " + owner + " " + bucket + " by " + actor, owner, bucket, null);
    }

    @Override
    public BucketCheckpoint seek(String owner, int bucket, SeekRequest to, String actor) {
        return act("seek " + owner + " " + bucket + " " + describe(to) + " by " + actor, owner, bucket, "node-a");
    }

    @Override
    public OwnerStatus seekAll(String owner, SeekRequest to, String actor) {
        act("seek " + owner + " all " + describe(to) + " by " + actor, owner, 0, null);
        return owners.get(owner);
    }

    @Override
    public void evict(String owner, String key, String actor) {
        act("evict " + owner + " " + key + " by " + actor, owner, 0, null);
    }

    @Override
    public OwnerStatus setPaused(String owner, boolean paused, String actor) {
        act((paused ? "pause " : "resume ") + owner + " by " + actor, owner, 0, null);
        return owners.get(owner);
    }

    private BucketCheckpoint act(String action, String owner, int bucket, @Nullable String holder) {
        refuseIfAsked();
        if (!owners.containsKey(owner)) {
            throw new RefusedException(RefusedException.Reason.NOT_FOUND, "Owner [%s] does not exist".formatted(owner));
        }
        actions.add(action);
        return new BucketCheckpoint(owner, bucket, 42, 100, 58, holder, 4, NOW.plusSeconds(8), holder != null, null);
    }

    private void refuseIfAsked() {
        if (refusal != null) {
            throw refusal;
        }
    }

    private static String describe(SeekRequest to) {
        return to.to() instanceof Long offset ? "offset " + offset : "to " + to.to();
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
