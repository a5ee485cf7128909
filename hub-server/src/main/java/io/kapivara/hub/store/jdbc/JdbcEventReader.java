package io.kapivara.hub.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

import io.kapivara.hub.shared.jdbc.DatabaseFailures;
import io.kapivara.hub.shared.jdbc.EventRows;
import io.kapivara.hub.store.EventLog.StreamState;
import io.kapivara.hub.store.EventReader;
import io.kapivara.hub.store.RecordedEvent;

/** The store's read port over PostgreSQL. */
final class JdbcEventReader implements EventReader {

    private static final RowMapper<RecordedEvent> EVENT = EventRows.EVENT;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    JdbcEventReader(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Optional<StreamState> stream(String stream) {
        return DatabaseFailures.translate(() -> jdbc.query(StoreSql.SELECT_STREAM,
                (rs, row) -> streamState(rs), stream).stream().findFirst());
    }

    @Override
    public List<RecordedEvent> readForward(String stream, long from, int limit) {
        return DatabaseFailures.translate(() -> jdbc.query(StoreSql.READ_FORWARD, EVENT, stream, from, limit));
    }

    @Override
    public List<RecordedEvent> readBackward(String stream, long from, int limit) {
        return DatabaseFailures.translate(() -> jdbc.query(StoreSql.READ_BACKWARD, EVENT, stream, from, limit));
    }

    @Override
    public List<RecordedEvent> readAll(long after, int limit, @Nullable String type, @Nullable String category) {
        return DatabaseFailures.translate(() -> {
            if (type != null && category != null) {
                return jdbc.query(StoreSql.READ_ALL_OF_TYPE_AND_CATEGORY, EVENT, after, type, category, limit);
            }
            if (type != null) {
                return jdbc.query(StoreSql.READ_ALL_OF_TYPE, EVENT, after, type, limit);
            }
            if (category != null) {
                return jdbc.query(StoreSql.READ_ALL_OF_CATEGORY, EVENT, after, category, limit);
            }
            return jdbc.query(StoreSql.READ_ALL, EVENT, after, limit);
        });
    }

    @Override
    public Optional<RecordedEvent> event(UUID id) {
        return DatabaseFailures.translate(() -> jdbc.query(StoreSql.READ_EVENT, EVENT, id).stream().findFirst());
    }

    @Override
    public Totals totals() {
        return DatabaseFailures.translate(() -> jdbc.queryForObject(StoreSql.SELECT_TOTALS, (rs, row) -> {
            OffsetDateTime last = rs.getObject("last_recorded_at", OffsetDateTime.class);
            return new Totals(rs.getLong("events"), rs.getLong("streams"), last == null ? null : last.toInstant());
        }));
    }

    @Override
    public List<MinuteCount> appendsPerMinute(int minutes) {
        // Without statistics, or in a generic plan, the planner cannot tell how much of the table
        // the window covers: it guesses a third and reads every event. The window is always the
        // newest events, which the BRIN index finds in a few block ranges.
        return DatabaseFailures.translate(() -> transactions.execute(status -> {
            jdbc.execute(StoreSql.INDEX_SCANS_ONLY);
            return jdbc.query(StoreSql.APPENDS_PER_MINUTE, (rs, row) -> new MinuteCount(
                    rs.getObject("minute", OffsetDateTime.class).toInstant(), rs.getLong("events")), minutes, minutes);
        }));
    }

    @Override
    public List<StreamState> streamsByPrefix(String prefix, @Nullable String after, int limit) {
        String past = after == null ? "" : after;
        String end = successor(prefix);
        return DatabaseFailures.translate(() -> end == null
                ? jdbc.query(StoreSql.STREAMS_FROM, (rs, row) -> streamState(rs), prefix, past, limit)
                : jdbc.query(StoreSql.STREAMS_IN_RANGE, (rs, row) -> streamState(rs), prefix, end, past, limit));
    }

    /**
     * The least string above every string that starts with {@code prefix}, in code point order:
     * the prefix with its last code point raised by one (dropping trailing U+10FFFF), or null when
     * nothing is above (the empty prefix).
     */
    static @Nullable String successor(String prefix) {
        int[] points = prefix.codePoints().toArray();
        for (int i = points.length - 1; i >= 0; i--) {
            if (points[i] < Character.MAX_CODE_POINT) {
                int next = points[i] + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : points[i] + 1;
                points[i] = next;
                return new String(points, 0, i + 1);
            }
        }
        return null;
    }

    static StreamState streamState(ResultSet rs) throws SQLException {
        return new StreamState(rs.getString("stream"), rs.getLong("version"), rs.getInt("bucket"),
                rs.getString("partition_key"));
    }
}
