package io.kapivara.hub.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import io.kapivara.hub.client.BucketFunction;

/**
 * Fills the hub's store with events straight in SQL, far faster than appends, and keeps it exactly
 * as the hub would have left it: gapless global positions after the store head, gapless offsets
 * after each bucket's head in global order, streams with gapless versions whose partition key
 * hashes to their bucket, version 7 ids, one recorded time no earlier than any stored one, and the
 * heads moved past it all. It holds the store's append lock (the store head row) while it writes,
 * as an append does, and notifies listeners on commit.
 *
 * <p>Events go round-robin over the buckets; each stream takes {@value #EVENTS_PER_STREAM} events
 * of one bucket. The payload has the shape of the benchmark's own events.
 */
final class StoreFill {

    static final int EVENTS_PER_STREAM = 10;

    /** Events per transaction: small enough to show progress, large enough to be fast. */
    private static final int CHUNK = 250_000;

    /** Ids carry a millisecond stamp from this point plus the global position: unique and in order. */
    private static final long ID_EPOCH_MS = System.currentTimeMillis() - 3 * 3_600_000L;

    private static final String LOCK_HEAD = """
            SELECT global_position, clock_timestamp() AS now FROM store_head FOR UPDATE
            """;

    private static final String BUCKET_HEADS = """
            SELECT head FROM buckets ORDER BY bucket
            """;

    private static final String INSERT_EVENTS = """
            INSERT INTO events (global_position, id, stream, version, type, data, metadata, bucket, bucket_offset,
                                recorded_at)
            SELECT p.g0 + k * p.b_count + b + 1,
                   (lpad(to_hex(p.id_ms + p.g0 + k * p.b_count + b + 1), 12, '0') || '7000' || '8'
                        || lpad(to_hex(p.g0 + k * p.b_count + b + 1), 15, '0'))::uuid,
                   'fill-' || p.tag || '-' || ((k / p.per_stream) * p.b_count + b),
                   k % p.per_stream,
                   'bench.filled',
                   ('{"orderId": "o-' || k || '-' || b || '", "customer": "c-' || (k % 1000) || '", "amount": '
                        || (k % 10000) || ', "currency": "EUR", "lines": [{"sku": "A-' || (k % 50)
                        || '", "qty": 2}]}')::jsonb,
                   NULL,
                   b,
                   p.heads[b + 1] + k + 1,
                   p.at
            FROM (SELECT ?::bigint AS g0, ?::int AS b_count, ?::int AS per_stream, ?::text AS tag,
                         ?::bigint[] AS heads, ?::timestamptz AS at, ?::bigint AS id_ms) p,
                 generate_series(0::bigint, ?::bigint - 1) AS k,
                 generate_series(0, p.b_count - 1) AS b
            """;

    // Stream s = r * buckets + b holds the events k of bucket b with k / per_stream = r.
    private static final String INSERT_STREAMS = """
            INSERT INTO streams (stream, version, bucket, partition_key, created_at)
            SELECT 'fill-' || p.tag || '-' || s,
                   least(p.per_stream, p.k_count - (s / p.b_count) * p.per_stream) - 1,
                   (s % p.b_count)::int,
                   p.keys[s % p.b_count + 1],
                   p.at
            FROM (SELECT ?::text AS tag, ?::int AS per_stream, ?::bigint AS k_count, ?::int AS b_count,
                         ?::text[] AS keys, ?::timestamptz AS at) p,
                 generate_series(0::bigint, ?::bigint - 1) AS s
            """;

    private static final String MOVE_BUCKET_HEADS = """
            UPDATE buckets SET head = head + ?
            """;

    private static final String MOVE_STORE_HEAD = """
            UPDATE store_head SET global_position = global_position + ?, streams = streams + ?
            """;

    private static final String NOTIFY_ALL = """
            SELECT pg_notify('hub_appends', '*')
            """;

    private final BenchDatabase database;

    StoreFill(BenchDatabase database) {
        this.database = database;
    }

    /**
     * Adds events until the store holds at least {@code target} (rounded up to whole rounds over
     * the buckets), then checkpoints so that the next measurement starts settled.
     *
     * @return how many events it added
     */
    long fillTo(long target, Progress progress) throws SQLException {
        long added = 0;
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            int buckets = bucketCount(connection);
            String[] keys = keysPerBucket(buckets);
            long missing = target - database.storedEvents();
            while (missing > 0) {
                long perBucket = Math.min(Math.ceilDiv(missing, buckets), CHUNK / buckets);
                added += chunk(connection, buckets, keys, perBucket);
                missing = target - database.storedEvents();
                progress.report(added);
            }
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        }
        return added;
    }

    interface Progress {
        void report(long added);
    }

    private long chunk(Connection connection, int buckets, String[] keys, long perBucket) throws SQLException {
        try {
            long head;
            Timestamp at;
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(LOCK_HEAD)) {
                rs.next();
                head = rs.getLong(1);
                at = rs.getTimestamp(2);
            }
            Long[] bucketHeads = bucketHeads(connection);
            String tag = Long.toString(head);
            insertEvents(connection, head, buckets, tag, bucketHeads, at, perBucket);
            long streams = insertStreams(connection, tag, perBucket, buckets, keys, at);
            long events = perBucket * buckets;
            update(connection, MOVE_BUCKET_HEADS, perBucket);
            try (PreparedStatement move = connection.prepareStatement(MOVE_STORE_HEAD)) {
                move.setLong(1, events);
                move.setLong(2, streams);
                move.executeUpdate();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(NOTIFY_ALL);
            }
            connection.commit();
            return events;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static void insertEvents(Connection connection, long head, int buckets, String tag, Long[] bucketHeads,
            Timestamp at, long perBucket) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENTS)) {
            insert.setLong(1, head);
            insert.setInt(2, buckets);
            insert.setInt(3, EVENTS_PER_STREAM);
            insert.setString(4, tag);
            insert.setArray(5, connection.createArrayOf("bigint", bucketHeads));
            insert.setTimestamp(6, at);
            insert.setLong(7, ID_EPOCH_MS);
            insert.setLong(8, perBucket);
            insert.executeUpdate();
        }
    }

    /** @return how many streams it added */
    private static long insertStreams(Connection connection, String tag, long perBucket, int buckets, String[] keys,
            Timestamp at) throws SQLException {
        long streams = Math.ceilDiv(perBucket, EVENTS_PER_STREAM) * buckets;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_STREAMS)) {
            Array keyArray = connection.createArrayOf("text", keys);
            insert.setString(1, tag);
            insert.setInt(2, EVENTS_PER_STREAM);
            insert.setLong(3, perBucket);
            insert.setInt(4, buckets);
            insert.setArray(5, keyArray);
            insert.setTimestamp(6, at);
            insert.setLong(7, streams);
            return insert.executeUpdate();
        }
    }

    private static Long[] bucketHeads(Connection connection) throws SQLException {
        List<Long> heads = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(BUCKET_HEADS)) {
            while (rs.next()) {
                heads.add(rs.getLong(1));
            }
        }
        return heads.toArray(Long[]::new);
    }

    private static int bucketCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM buckets")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** For each bucket, a partition key that the hub's bucket function puts there. */
    static String[] keysPerBucket(int buckets) {
        String[] keys = new String[buckets];
        int found = 0;
        for (int n = 0; found < buckets; n++) {
            String key = "fill-key-" + n;
            int bucket = BucketFunction.bucketOf(key, buckets);
            if (keys[bucket] == null) {
                keys[bucket] = key;
                found++;
            }
        }
        return keys;
    }

    private static void update(Connection connection, String sql, long value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, value);
            statement.executeUpdate();
        }
    }
}
