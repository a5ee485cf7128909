package io.kapivara.hub.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import io.kapivara.hub.shared.jdbc.DatabaseFailures;
import io.kapivara.hub.shared.jdbc.EventRows;
import io.kapivara.hub.store.EventLog.StreamState;
import io.kapivara.hub.store.EventReader;
import io.kapivara.hub.store.RecordedEvent;

/** The store's read port over PostgreSQL. */
final class JdbcEventReader implements EventReader {

    private static final RowMapper<RecordedEvent> EVENT = EventRows.EVENT;

    private final JdbcTemplate jdbc;

    JdbcEventReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    static StreamState streamState(ResultSet rs) throws SQLException {
        return new StreamState(rs.getString("stream"), rs.getLong("version"), rs.getInt("bucket"),
                rs.getString("partition_key"));
    }
}
