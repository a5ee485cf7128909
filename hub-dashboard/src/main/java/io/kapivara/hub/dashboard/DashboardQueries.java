package io.kapivara.hub.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.AuditPage;
import io.kapivara.hub.client.model.BucketList;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.StreamPage;

/**
 * What the dashboard reads from the hub. Every method reads the current state, may be called from
 * many threads at once, and throws {@link RefusedException} for input the hub refuses.
 */
public interface DashboardQueries {

    /** How much the store holds. */
    StoreTotals totals();

    /** Every bucket with its head offset. */
    BucketList buckets();

    /** Events recorded per minute over the last {@code minutes} minutes, oldest first, the current minute last. */
    List<MinuteCount> appendsPerMinute(int minutes);

    /** Every owner with its place in each bucket and its subscriptions, by name. */
    List<OwnerStatus> owners();

    Optional<OwnerStatus> owner(String owner);

    /** The owner's lag as sampled on this node, oldest first; empty for an owner never sampled. */
    LagHistory lagHistory(String owner);

    /**
     * Streams whose names start with {@code prefix} (all when empty), in code point order of their
     * names, after the name {@code after} when given.
     */
    List<StreamSummary> streams(String prefix, @Nullable String after, int limit);

    /** Events of a stream forward from version {@code from}; empty when the stream has no events. */
    Optional<StreamPage> stream(String stream, long from, int limit);

    Optional<RecordedEvent> event(UUID id);

    /** The audit log, newest first, of one owner or all, before entry id {@code before} when given. */
    AuditPage audit(@Nullable String owner, @Nullable Long before, int limit);
}
