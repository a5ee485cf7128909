package io.kapivara.hub.store.jdbc;

/**
 * Every SQL statement of the store adapter, one constant each.
 *
 * <p>The statements that look rows up by a list of keys take one key at a time, through a lateral
 * subquery with {@code LIMIT 1} on a unique index, and not with {@code = ANY} or a join. A
 * connection keeps the generic plan PostgreSQL made for a prepared statement until the table is
 * analyzed; made while the table was new and small, that plan may read it whole, and with
 * autovacuum off it is never replaced (one such plan took appends from 5,000 to 147 a second at 5
 * million events). A lookup by a unique key one row at a time has no such plan. StorePlansIT checks
 * every statement.
 */
final class StoreSql {

    private StoreSql() {
    }

    // The lock on the single store_head row serializes appends across all nodes until commit;
    // see V1__store_tables.sql. clock_timestamp() is read after the lock is granted, so recorded
    // times follow global positions.
    static final String LOCK_HEAD = """
            SELECT global_position, clock_timestamp() AS now
            FROM store_head
            FOR UPDATE
            """;

    static final String SELECT_STREAMS = """
            SELECT s.stream, s.version, s.bucket, s.partition_key
            FROM unnest(?::text[]) AS n (stream)
            CROSS JOIN LATERAL (SELECT * FROM streams WHERE streams.stream = n.stream LIMIT 1) s
            """;

    static final String SELECT_STREAM = """
            SELECT stream, version, bucket, partition_key
            FROM streams
            WHERE stream = ?
            """;

    // Content is compared as jsonb, by value: key order, spacing and 1.0 against 1 do not matter.
    static final String SELECT_STORED = """
            SELECT e.id, e.stream, e.version, e.global_position, e.bucket, e.bucket_offset,
                   (e.type = x.type
                    AND e.data = x.data::jsonb
                    AND e.metadata IS NOT DISTINCT FROM x.metadata::jsonb) AS same_content
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) AS x (id, type, data, metadata)
            CROSS JOIN LATERAL (SELECT * FROM events WHERE events.id = x.id LIMIT 1) e
            """;

    // The heads of the buckets new streams would go to, and of the buckets of the named streams.
    static final String SELECT_GROUP_BUCKET_HEADS = """
            SELECT bucket, head
            FROM buckets
            WHERE bucket = ANY (?)
               OR bucket IN (SELECT s.bucket
                             FROM unnest(?::text[]) AS n (stream)
                             CROSS JOIN LATERAL (SELECT bucket FROM streams WHERE streams.stream = n.stream LIMIT 1) s)
            """;

    static final String INSERT_EVENTS = """
            INSERT INTO events (global_position, id, stream, version, type, data, metadata, bucket, bucket_offset,
                                recorded_at)
            SELECT x.global_position, x.id, x.stream, x.version, x.type, x.data::jsonb, x.metadata::jsonb, x.bucket,
                   x.bucket_offset, ?
            FROM unnest(?::bigint[], ?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::int[],
                        ?::bigint[])
                 AS x (global_position, id, stream, version, type, data, metadata, bucket, bucket_offset)
            """;

    static final String UPSERT_STREAMS = """
            INSERT INTO streams (stream, version, bucket, partition_key)
            SELECT * FROM unnest(?::text[], ?::bigint[], ?::int[], ?::text[])
            ON CONFLICT (stream) DO UPDATE SET version = excluded.version
            """;

    static final String UPDATE_BUCKET_HEADS = """
            UPDATE buckets b
            SET head = x.head
            FROM unnest(?::int[], ?::bigint[]) AS x (bucket, head)
            WHERE b.bucket = x.bucket
            """;

    static final String UPDATE_STORE_HEAD = """
            UPDATE store_head SET global_position = ?, streams = streams + ?
            """;

    // Delivered to listeners on every node when, and only if, the transaction commits.
    static final String NOTIFY_APPENDS = """
            SELECT pg_notify('hub_appends', ?)
            """;

    // An append group's reads, sent in one round trip; the lock comes first, so every read after it
    // sees the store as the previous holder of the lock committed it.
    static final String LOCK_AND_READ = String.join(";\n", LOCK_HEAD, SELECT_STREAMS, SELECT_STORED,
            SELECT_GROUP_BUCKET_HEADS);

    // An append group's writes, sent in one round trip.
    static final String WRITE_GROUP = String.join(";\n", INSERT_EVENTS, UPSERT_STREAMS, UPDATE_BUCKET_HEADS,
            UPDATE_STORE_HEAD, NOTIFY_APPENDS);

    private static final String EVENT_COLUMNS = """
            SELECT id, stream, type, data::text AS data, metadata::text AS metadata, version, global_position,
                   bucket, bucket_offset, recorded_at
            FROM events
            """;

    static final String READ_FORWARD = EVENT_COLUMNS + """
            WHERE stream = ? AND version >= ?
            ORDER BY version
            LIMIT ?
            """;

    static final String READ_BACKWARD = EVENT_COLUMNS + """
            WHERE stream = ? AND version <= ?
            ORDER BY version DESC
            LIMIT ?
            """;

    static final String READ_ALL = EVENT_COLUMNS + """
            WHERE global_position > ?
            ORDER BY global_position
            LIMIT ?
            """;

    static final String READ_ALL_OF_TYPE = EVENT_COLUMNS + """
            WHERE global_position > ? AND type = ?
            ORDER BY global_position
            LIMIT ?
            """;

    static final String READ_ALL_OF_CATEGORY = EVENT_COLUMNS + """
            WHERE global_position > ? AND category = ?
            ORDER BY global_position
            LIMIT ?
            """;

    static final String READ_ALL_OF_TYPE_AND_CATEGORY = EVENT_COLUMNS + """
            WHERE global_position > ? AND type = ? AND category = ?
            ORDER BY global_position
            LIMIT ?
            """;

    static final String READ_EVENT = EVENT_COLUMNS + """
            WHERE id = ?
            """;

    // Positions have no gaps (a rolled-back append rolls its positions back), so the store head is
    // also the number of events; the appends that create streams count them there too (V6).
    static final String SELECT_TOTALS = """
            SELECT h.global_position AS events, h.streams,
                   (SELECT e.recorded_at FROM events e WHERE e.global_position = h.global_position) AS last_recorded_at
            FROM store_head h
            """;

    // date_bin cuts absolute minutes, whatever the session's time zone. recorded_at grows with the
    // global position, so the BRIN index of V4 finds the window by reading a few block ranges.
    static final String APPENDS_PER_MINUTE = """
            WITH counts AS (
                SELECT date_bin('1 minute', recorded_at, timestamptz '2000-01-01 00:00:00+00') AS minute,
                       count(*) AS events
                FROM events
                WHERE recorded_at >= date_bin('1 minute', now(), timestamptz '2000-01-01 00:00:00+00')
                                     - (?::int - 1) * interval '1 minute'
                GROUP BY 1
            )
            SELECT m.minute, coalesce(c.events, 0) AS events
            FROM generate_series(date_bin('1 minute', now(), timestamptz '2000-01-01 00:00:00+00')
                                 - (?::int - 1) * interval '1 minute',
                                 date_bin('1 minute', now(), timestamptz '2000-01-01 00:00:00+00'),
                                 interval '1 minute') AS m (minute)
            LEFT JOIN counts c ON c.minute = m.minute
            ORDER BY m.minute
            """;

    // For the rest of the transaction only.
    static final String INDEX_SCANS_ONLY = """
            SET LOCAL enable_seqscan = off
            """;

    // Names compare in the "C" collation, the code point order of UTF-8, so that all names with one
    // prefix form one range (V4 indexes it); the database's own collation may not keep them together.
    static final String STREAMS_IN_RANGE = """
            SELECT stream, version, bucket, partition_key
            FROM streams
            WHERE stream COLLATE "C" >= ? AND stream COLLATE "C" < ? AND stream COLLATE "C" > ?
            ORDER BY stream COLLATE "C"
            LIMIT ?
            """;

    static final String STREAMS_FROM = """
            SELECT stream, version, bucket, partition_key
            FROM streams
            WHERE stream COLLATE "C" >= ? AND stream COLLATE "C" > ?
            ORDER BY stream COLLATE "C"
            LIMIT ?
            """;

    // Taken by every node at start, so that only one creates the buckets.
    static final String LOCK_SETTINGS = """
            LOCK TABLE hub_settings IN SHARE ROW EXCLUSIVE MODE
            """;

    static final String SELECT_BUCKET_COUNT = """
            SELECT value FROM hub_settings WHERE name = 'buckets'
            """;

    static final String INSERT_BUCKET_COUNT = """
            INSERT INTO hub_settings (name, value) VALUES ('buckets', ?)
            """;

    static final String CREATE_BUCKETS = """
            INSERT INTO buckets (bucket) SELECT generate_series(0, ? - 1)
            """;
}
