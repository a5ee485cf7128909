package io.kapivara.hub.shared.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

import io.kapivara.hub.store.JsonText;
import io.kapivara.hub.store.RecordedEvent;

/**
 * Reads a row of the events table, as selected by every adapter that reads events: columns id,
 * stream, type, data and metadata (as text), version, global_position, bucket, bucket_offset and
 * recorded_at.
 */
public final class EventRows {

    public static final RowMapper<RecordedEvent> EVENT = EventRows::event;

    private EventRows() {
    }

    private static RecordedEvent event(ResultSet rs, int row) throws SQLException {
        String metadata = rs.getString("metadata");
        return new RecordedEvent(
                rs.getObject("id", UUID.class),
                rs.getString("stream"),
                rs.getString("type"),
                new JsonText(rs.getString("data")),
                metadata == null ? null : new JsonText(metadata),
                rs.getLong("version"),
                rs.getLong("global_position"),
                rs.getInt("bucket"),
                rs.getLong("bucket_offset"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}
