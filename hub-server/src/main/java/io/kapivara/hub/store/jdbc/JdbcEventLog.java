package io.kapivara.hub.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.kapivara.hub.shared.jdbc.DatabaseFailures;
import io.kapivara.hub.store.EventLog;
import io.kapivara.hub.store.JsonText;
import io.kapivara.hub.store.NewEvent;
import io.kapivara.hub.store.RecordedEvent;

/** The store's write port over PostgreSQL. Arrays carry a whole group in each statement. */
final class JdbcEventLog implements EventLog {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Counter appendedEvents;
    private final Counter groups;

    JdbcEventLog(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.appendedEvents = Counter.builder("hub.appended.events")
                .description("Events stored by appends (replays store none)").register(meters);
        this.groups = Counter.builder("hub.append.groups")
                .description("Append transactions that stored events; each may carry many appends").register(meters);
    }

    @Override
    public <T> T inTransaction(Function<Transaction, T> work) {
        return DatabaseFailures.translate(() -> transactions.execute(status -> work.apply(new JdbcTransaction())));
    }

    /**
     * Each of the two steps of an append goes to the database in one round trip: pgjdbc sends the
     * statements of a multi-statement query together and the server runs them in order, each
     * seeing what the ones before it did (the reads start after the lock is granted). A group
     * costs three round trips in all, the commit included, however many appends it carries.
     */
    private final class JdbcTransaction implements Transaction {

        // The streams that existed when the group read them; the others it writes are new.
        private Set<String> existing = Set.of();

        @Override
        public GroupState lockAndRead(Collection<String> streams, Collection<NewEvent> events,
                Collection<Integer> newBuckets) {
            GroupState state = jdbc.execute((ConnectionCallback<GroupState>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(StoreSql.LOCK_AND_READ)) {
                    String[] names = streams.toArray(String[]::new);
                    statement.setArray(1, connection.createArrayOf("text", names));
                    setStored(connection, statement, 2, events);
                    statement.setArray(6, connection.createArrayOf("int", newBuckets.toArray(Integer[]::new)));
                    statement.setArray(7, connection.createArrayOf("text", names));
                    statement.execute();
                    return readGroupState(statement);
                }
            });
            existing = Set.copyOf(state.streams().keySet());
            return state;
        }

        @Override
        public void write(List<RecordedEvent> events, List<StreamState> streams, Map<Integer, Long> bucketHeads,
                long globalHead) {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(StoreSql.WRITE_GROUP)) {
                    int next = setEvents(connection, statement, 1, events);
                    next = setStreams(connection, statement, next, streams);
                    next = setBucketHeads(connection, statement, next, bucketHeads);
                    statement.setLong(next, globalHead);
                    statement.setLong(next + 1, streams.stream().filter(s -> !existing.contains(s.stream())).count());
                    statement.setString(next + 2, AppendNotice.encode(bucketHeads));
                    statement.execute();
                    drain(statement);
                    return null;
                }
            });
            // Counted before the commit: a rare rollback after this point is counted too.
            appendedEvents.increment(events.size());
            groups.increment();
        }
    }

    private static GroupState readGroupState(PreparedStatement statement) throws SQLException {
        Head head;
        try (ResultSet rs = statement.getResultSet()) {
            rs.next();
            head = new Head(rs.getLong("global_position"), rs.getObject("now", OffsetDateTime.class).toInstant());
        }
        Map<String, StreamState> streams = new HashMap<>();
        try (ResultSet rs = next(statement)) {
            while (rs.next()) {
                StreamState state = JdbcEventReader.streamState(rs);
                streams.put(state.stream(), state);
            }
        }
        Map<UUID, StoredEvent> stored = new HashMap<>();
        try (ResultSet rs = next(statement)) {
            while (rs.next()) {
                UUID id = rs.getObject("id", UUID.class);
                stored.put(id, new StoredEvent(id, rs.getString("stream"), rs.getBoolean("same_content"),
                        rs.getLong("version"), rs.getLong("global_position"), rs.getInt("bucket"),
                        rs.getLong("bucket_offset")));
            }
        }
        Map<Integer, Long> heads = new HashMap<>();
        try (ResultSet rs = next(statement)) {
            while (rs.next()) {
                heads.put(rs.getInt("bucket"), rs.getLong("head"));
            }
        }
        return new GroupState(head, streams, stored, heads);
    }

    private static ResultSet next(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new IllegalStateException("Append read step returned fewer results than statements");
        }
        return statement.getResultSet();
    }

    /** Walks past every result, so that nothing of the multi-statement query is left unread. */
    private static void drain(PreparedStatement statement) throws SQLException {
        while (statement.getMoreResults() || statement.getUpdateCount() != -1) {
            // Each result is an update count or the notify's row; none carries anything to check.
        }
    }

    private static void setStored(Connection connection, PreparedStatement statement, int from,
            Collection<NewEvent> events) throws SQLException {
        statement.setArray(from, connection.createArrayOf("uuid", events.stream().map(NewEvent::id)
                .toArray(UUID[]::new)));
        statement.setArray(from + 1, connection.createArrayOf("text", events.stream().map(NewEvent::type)
                .toArray(String[]::new)));
        statement.setArray(from + 2, connection.createArrayOf("text", events.stream()
                .map(event -> event.data().json()).toArray(String[]::new)));
        statement.setArray(from + 3, connection.createArrayOf("text", events.stream()
                .map(event -> text(event.metadata())).toArray(String[]::new)));
    }

    /** @return the next parameter index */
    private static int setEvents(Connection connection, PreparedStatement statement, int from,
            List<RecordedEvent> events) throws SQLException {
        statement.setTimestamp(from, Timestamp.from(events.getFirst().recordedAt()));
        Object[][] columns = {
                events.stream().map(RecordedEvent::globalPosition).toArray(Long[]::new),
                events.stream().map(RecordedEvent::id).toArray(UUID[]::new),
                events.stream().map(RecordedEvent::stream).toArray(String[]::new),
                events.stream().map(RecordedEvent::version).toArray(Long[]::new),
                events.stream().map(RecordedEvent::type).toArray(String[]::new),
                events.stream().map(event -> event.data().json()).toArray(String[]::new),
                events.stream().map(event -> text(event.metadata())).toArray(String[]::new),
                events.stream().map(RecordedEvent::bucket).toArray(Integer[]::new),
                events.stream().map(RecordedEvent::offset).toArray(Long[]::new)};
        String[] types = {"bigint", "uuid", "text", "bigint", "text", "text", "text", "int", "bigint"};
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(from + 1 + i, connection.createArrayOf(types[i], columns[i]));
        }
        return from + 1 + columns.length;
    }

    private static int setStreams(Connection connection, PreparedStatement statement, int from,
            List<StreamState> streams) throws SQLException {
        statement.setArray(from, connection.createArrayOf("text",
                streams.stream().map(StreamState::stream).toArray(String[]::new)));
        statement.setArray(from + 1, connection.createArrayOf("bigint",
                streams.stream().map(StreamState::version).toArray(Long[]::new)));
        statement.setArray(from + 2, connection.createArrayOf("int",
                streams.stream().map(StreamState::bucket).toArray(Integer[]::new)));
        statement.setArray(from + 3, connection.createArrayOf("text",
                streams.stream().map(StreamState::partitionKey).toArray(String[]::new)));
        return from + 4;
    }

    private static int setBucketHeads(Connection connection, PreparedStatement statement, int from,
            Map<Integer, Long> bucketHeads) throws SQLException {
        List<Integer> buckets = new ArrayList<>(bucketHeads.keySet());
        statement.setArray(from, connection.createArrayOf("int", buckets.toArray(Integer[]::new)));
        statement.setArray(from + 1, connection.createArrayOf("bigint",
                buckets.stream().map(bucketHeads::get).toArray(Long[]::new)));
        return from + 2;
    }

    private static @Nullable String text(@Nullable JsonText json) {
        return json == null ? null : json.json();
    }
}
