package io.kapivara.hub.store.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final class JdbcTransaction implements Transaction {

        @Override
        public Head lockHead() {
            return jdbc.queryForObject(StoreSql.LOCK_HEAD, (rs, row) -> new Head(
                    rs.getLong("global_position"), rs.getObject("now", OffsetDateTime.class).toInstant()));
        }

        @Override
        public Map<String, StreamState> streams(Collection<String> streams) {
            Map<String, StreamState> states = new HashMap<>();
            jdbc.query(StoreSql.SELECT_STREAMS, rs -> {
                StreamState state = JdbcEventReader.streamState(rs);
                states.put(state.stream(), state);
            }, array("text", streams.toArray(String[]::new)));
            return states;
        }

        @Override
        public Map<UUID, StoredEvent> stored(Collection<NewEvent> events) {
            Map<UUID, StoredEvent> stored = new HashMap<>();
            jdbc.query(StoreSql.SELECT_STORED, rs -> {
                UUID id = rs.getObject("id", UUID.class);
                stored.put(id, new StoredEvent(id, rs.getString("stream"), rs.getBoolean("same_content"),
                        rs.getLong("version"), rs.getLong("global_position"), rs.getInt("bucket"),
                        rs.getLong("bucket_offset")));
            }, array("uuid", events.stream().map(NewEvent::id).toArray(UUID[]::new)),
                    array("text", events.stream().map(NewEvent::type).toArray(String[]::new)),
                    array("text", events.stream().map(event -> event.data().json()).toArray(String[]::new)),
                    array("text", events.stream().map(event -> text(event.metadata())).toArray(String[]::new)));
            return stored;
        }

        @Override
        public Map<Integer, Long> bucketHeads(Collection<Integer> buckets) {
            Map<Integer, Long> heads = new HashMap<>();
            jdbc.query(StoreSql.SELECT_BUCKET_HEADS, rs -> {
                heads.put(rs.getInt("bucket"), rs.getLong("head"));
            }, array("int", buckets.toArray(Integer[]::new)));
            return heads;
        }

        @Override
        public void write(List<RecordedEvent> events, List<StreamState> streams, Map<Integer, Long> bucketHeads,
                long globalHead) {
            insertEvents(events);
            jdbc.update(StoreSql.UPSERT_STREAMS,
                    array("text", streams.stream().map(StreamState::stream).toArray(String[]::new)),
                    array("bigint", streams.stream().map(StreamState::version).toArray(Long[]::new)),
                    array("int", streams.stream().map(StreamState::bucket).toArray(Integer[]::new)),
                    array("text", streams.stream().map(StreamState::partitionKey).toArray(String[]::new)));
            List<Integer> buckets = new ArrayList<>(bucketHeads.keySet());
            jdbc.update(StoreSql.UPDATE_BUCKET_HEADS,
                    array("int", buckets.toArray(Integer[]::new)),
                    array("bigint", buckets.stream().map(bucketHeads::get).toArray(Long[]::new)));
            jdbc.update(StoreSql.UPDATE_STORE_HEAD, globalHead);
            jdbc.query(StoreSql.NOTIFY_APPENDS, rs -> { }, AppendNotice.encode(bucketHeads));
            // Counted before the commit: a rare rollback after this point is counted too.
            appendedEvents.increment(events.size());
            groups.increment();
        }

        private void insertEvents(List<RecordedEvent> events) {
            jdbc.update(StoreSql.INSERT_EVENTS,
                    Timestamp.from(events.getFirst().recordedAt()),
                    array("bigint", events.stream().map(RecordedEvent::globalPosition).toArray(Long[]::new)),
                    array("uuid", events.stream().map(RecordedEvent::id).toArray(UUID[]::new)),
                    array("text", events.stream().map(RecordedEvent::stream).toArray(String[]::new)),
                    array("bigint", events.stream().map(RecordedEvent::version).toArray(Long[]::new)),
                    array("text", events.stream().map(RecordedEvent::type).toArray(String[]::new)),
                    array("text", events.stream().map(event -> event.data().json()).toArray(String[]::new)),
                    array("text", events.stream().map(event -> text(event.metadata())).toArray(String[]::new)),
                    array("int", events.stream().map(RecordedEvent::bucket).toArray(Integer[]::new)),
                    array("bigint", events.stream().map(RecordedEvent::offset).toArray(Long[]::new)));
        }

        private Array array(String type, Object[] values) {
            return jdbc.execute((ConnectionCallback<Array>) connection -> createArray(connection, type, values));
        }
    }

    private static Array createArray(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    private static @Nullable String text(@Nullable JsonText json) {
        return json == null ? null : json.json();
    }
}
