package io.kapivara.hub.bus.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.bus.AuditEntry;
import io.kapivara.hub.bus.BucketState;
import io.kapivara.hub.bus.BusStore;
import io.kapivara.hub.bus.CommitService;
import io.kapivara.hub.bus.EventFilter;
import io.kapivara.hub.bus.FetchStart;
import io.kapivara.hub.bus.Owner;
import io.kapivara.hub.bus.StartFrom;
import io.kapivara.hub.bus.Subscription;
import io.kapivara.hub.shared.jdbc.DatabaseFailures;

/** The bus's store port over PostgreSQL. */
final class JdbcBusStore implements BusStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final JdbcTransaction operations = new JdbcTransaction();
    private final MeterRegistry meters;
    private final Counter acceptedCommits;
    private final Counter refusedCommits;

    JdbcBusStore(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.meters = meters;
        this.acceptedCommits = commits("accepted");
        this.refusedCommits = commits("refused");
    }

    private Counter commits(String outcome) {
        return Counter.builder("hub.commits").tag("outcome", outcome)
                .description("Checkpoint commits, per bucket").register(meters);
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        return DatabaseFailures.translate(() -> transactions.execute(status -> work.apply(operations)));
    }

    @Override
    public Reads reads() {
        return operations;
    }

    private final class JdbcTransaction implements Transaction {

        @Override
        public Optional<Owner> lockOwner(String owner) {
            return jdbc.query(BusSql.LOCK_OWNER, JdbcBusStore::owner, owner).stream().findFirst();
        }

        @Override
        public Owner createOwner(String owner, StartFrom startFrom, EventFilter filter) {
            jdbc.update(BusSql.INSERT_OWNER, owner, startFrom.wire(), array(filter.types()),
                    array(filter.categories()));
            Owner created = lockOwner(owner).orElseThrow();
            jdbc.update(BusSql.INSERT_CHECKPOINTS, owner, created.startFrom() == StartFrom.LATEST);
            return created;
        }

        @Override
        public void updateFilter(String owner, EventFilter filter) {
            jdbc.update(BusSql.UPDATE_FILTER, array(filter.types()), array(filter.categories()), owner);
        }

        @Override
        public void setPaused(String owner, boolean paused) {
            jdbc.update(BusSql.UPDATE_PAUSED, paused, owner);
        }

        @Override
        public Instant renewSubscription(String owner, String key, Duration ttl) {
            return jdbc.queryForObject(BusSql.UPSERT_SUBSCRIPTION, (rs, row) -> instant(rs, "expires_at"),
                    owner, key, ttl.toMillis() + " milliseconds");
        }

        @Override
        public void deleteSubscription(String owner, String key) {
            jdbc.update(BusSql.DELETE_SUBSCRIPTION, owner, key);
        }

        @Override
        public void grant(String owner, Map<Integer, @Nullable String> holders, boolean pinned) {
            List<Integer> buckets = new ArrayList<>(holders.keySet());
            String[] keys = buckets.stream().map(holders::get).toArray(String[]::new);
            int changed = jdbc.update(BusSql.GRANT, pinned, sqlArray("int", buckets.toArray(Integer[]::new)),
                    sqlArray("text", keys), owner);
            meters.counter("hub.lease.changes", "owner", owner).increment(changed);
        }

        @Override
        public void renewLeases(String owner, String key, Instant expiresAt) {
            jdbc.update(BusSql.RENEW_LEASES, Timestamp.from(expiresAt), owner, key);
        }

        @Override
        public void seek(String owner, int bucket, long checkpoint) {
            jdbc.update(BusSql.SEEK, checkpoint, owner, bucket);
        }

        @Override
        public Set<Integer> commit(String owner, String key, List<CommitService.Commit> commits) {
            Set<Integer> moved = new HashSet<>(jdbc.query(BusSql.COMMIT, statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, connection.createArrayOf("int",
                        commits.stream().map(CommitService.Commit::bucket).toArray(Integer[]::new)));
                statement.setArray(2, connection.createArrayOf("bigint",
                        commits.stream().map(CommitService.Commit::epoch).toArray(Long[]::new)));
                statement.setArray(3, connection.createArrayOf("bigint",
                        commits.stream().map(CommitService.Commit::offset).toArray(Long[]::new)));
                statement.setString(4, owner);
                statement.setString(5, owner);
                statement.setString(6, key);
            }, (rs, row) -> rs.getInt("bucket")));
            // One statement judges every bucket named: each counts once, accepted if it moved.
            acceptedCommits.increment(moved.size());
            refusedCommits.increment(commits.size() - moved.size());
            return moved;
        }

        @Override
        public void audit(String action, String owner, String target, Map<String, Object> before,
                Map<String, Object> after, @Nullable String actor) {
            jdbc.update(BusSql.INSERT_AUDIT, action, owner, target, json.writeValueAsString(before),
                    json.writeValueAsString(after), actor);
        }

        @Override
        public Optional<Owner> owner(String owner) {
            return read(() -> jdbc.query(BusSql.SELECT_OWNER, JdbcBusStore::owner, owner).stream().findFirst());
        }

        @Override
        public Optional<FetchStart> fetchStart(String owner, String key) {
            return read(() -> jdbc.query(BusSql.FETCH_START, JdbcBusStore::fetchStart, key, key, owner));
        }

        @Override
        public List<Owner> owners() {
            return read(() -> jdbc.query(BusSql.SELECT_OWNERS, JdbcBusStore::owner));
        }

        @Override
        public List<Subscription> subscriptions(String owner) {
            return read(() -> jdbc.query(BusSql.SELECT_SUBSCRIPTIONS, (rs, row) -> new Subscription(
                    rs.getString("key"), instant(rs, "expires_at"), instant(rs, "created_at"),
                    rs.getBoolean("live")), owner));
        }

        @Override
        public List<BucketState> buckets(String owner) {
            return read(() -> jdbc.query(BusSql.SELECT_BUCKETS, JdbcBusStore::bucket, owner));
        }

        @Override
        public Optional<BucketState> bucket(String owner, int bucket) {
            return read(() -> jdbc.query(BusSql.SELECT_BUCKET, JdbcBusStore::bucket, owner, bucket)
                    .stream().findFirst());
        }

        @Override
        public long offsetBefore(int bucket, Instant time) {
            // As OffsetDateTime, not Timestamp: java.sql.Timestamp would render a time before 1582 in the
            // Julian calendar, days away from the proleptic Gregorian one PostgreSQL reads.
            return read(() -> jdbc.queryForObject(BusSql.OFFSET_BEFORE, Long.class, bucket,
                    time.atOffset(ZoneOffset.UTC)));
        }

        @Override
        public List<Long> heads() {
            return read(() -> jdbc.queryForList(BusSql.SELECT_HEADS, Long.class));
        }

        @Override
        public List<AuditEntry> audit(@Nullable String owner, long before, int limit) {
            RowMapper<AuditEntry> entry = (rs, row) -> new AuditEntry(rs.getLong("id"), instant(rs, "at"),
                    rs.getString("action"), rs.getString("owner"), rs.getString("target"),
                    map(rs.getString("before")), map(rs.getString("after")), rs.getString("actor"));
            return read(() -> owner == null
                    ? jdbc.query(BusSql.SELECT_AUDIT, entry, before, limit)
                    : jdbc.query(BusSql.SELECT_OWNER_AUDIT, entry, owner, before, limit));
        }

        private Array array(List<String> values) {
            return sqlArray("text", values.toArray(String[]::new));
        }

        private Array sqlArray(String type, Object[] values) {
            return jdbc.execute((ConnectionCallback<Array>) connection -> connection.createArrayOf(type, values));
        }
    }

    private static <T> T read(java.util.function.Supplier<T> query) {
        return DatabaseFailures.translate(query);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(@Nullable String text) {
        return text == null ? Map.of() : json.readValue(text, Map.class);
    }

    private static Owner owner(ResultSet rs, int row) throws SQLException {
        return new Owner(rs.getString("owner"),
                StartFrom.valueOf(rs.getString("start_from").toUpperCase(Locale.ROOT)),
                filter(rs), rs.getBoolean("paused"), instant(rs, "created_at"));
    }

    private static EventFilter filter(ResultSet rs) throws SQLException {
        return new EventFilter(strings(rs.getArray("filter_types")), strings(rs.getArray("filter_categories")));
    }

    /** The first row carries the owner and the subscription; each row a held bucket, if any. */
    private static Optional<FetchStart> fetchStart(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return Optional.empty();
        }
        EventFilter filter = filter(rs);
        boolean paused = rs.getBoolean("paused");
        boolean subscribed = rs.getBoolean("subscribed");
        List<FetchStart.Held> held = new ArrayList<>();
        do {
            int bucket = rs.getInt("bucket");
            if (!rs.wasNull()) {
                held.add(new FetchStart.Held(bucket, rs.getLong("epoch"), rs.getLong("checkpoint"),
                        rs.getLong("head")));
            }
        } while (rs.next());
        return Optional.of(new FetchStart(filter, paused, subscribed, held));
    }

    private static BucketState bucket(ResultSet rs, int row) throws SQLException {
        return new BucketState(rs.getInt("bucket"), rs.getLong("checkpoint"), rs.getLong("head"),
                rs.getString("holder"), rs.getLong("epoch"), nullableInstant(rs, "lease_expires_at"),
                rs.getBoolean("lease_valid"), rs.getBoolean("pinned"), nullableInstant(rs, "oldest_pending"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
