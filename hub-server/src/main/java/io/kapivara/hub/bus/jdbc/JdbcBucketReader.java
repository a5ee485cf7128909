package io.kapivara.hub.bus.jdbc;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import io.kapivara.hub.bus.BucketReader;
import io.kapivara.hub.shared.jdbc.DatabaseFailures;
import io.kapivara.hub.shared.jdbc.EventRows;
import io.kapivara.hub.store.RecordedEvent;

/** Reads events by bucket and offset over PostgreSQL, one indexed range read per bucket. */
final class JdbcBucketReader implements BucketReader {

    private final JdbcTemplate jdbc;

    JdbcBucketReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RecordedEvent> read(int bucket, long from, int limit) {
        return DatabaseFailures.translate(() -> jdbc.query(BusSql.READ_BUCKET, EventRows.EVENT, bucket, from, limit));
    }

    @Override
    public Map<Integer, List<RecordedEvent>> readAfter(Map<Integer, Long> after, int perBucket) {
        List<Integer> buckets = new ArrayList<>(after.keySet());
        Map<Integer, List<RecordedEvent>> events = new LinkedHashMap<>();
        buckets.forEach(bucket -> events.put(bucket, new ArrayList<>()));
        DatabaseFailures.translate(() -> {
            // The arrays are made on the statement's own connection: one pool checkout per read.
            jdbc.query(BusSql.READ_BUCKETS_AFTER, statement -> {
                Connection connection = statement.getConnection();
                statement.setArray(1, connection.createArrayOf("int", buckets.toArray(Integer[]::new)));
                statement.setArray(2, connection.createArrayOf("bigint",
                        buckets.stream().map(after::get).toArray(Long[]::new)));
                statement.setInt(3, perBucket);
            }, rs -> {
                RecordedEvent event = EventRows.EVENT.mapRow(rs, 0);
                events.get(event.bucket()).add(event);
            });
            return null;
        });
        return events;
    }

    @Override
    public List<RecordedEvent> readStreamAfter(String stream, long after, int limit) {
        return DatabaseFailures.translate(() ->
                jdbc.query(BusSql.READ_STREAM_AFTER, EventRows.EVENT, stream, after, limit));
    }
}
