package io.kapivara.hub.bus.jdbc;

/** Every SQL statement of the bus adapter, one constant each. */
final class BusSql {

    private BusSql() {
    }

    private static final String OWNER_COLUMNS = """
            SELECT owner, start_from, filter_types, filter_categories, paused, created_at
            FROM owners
            """;

    // Serializes every membership change and operator action of one owner until commit. Takes the
    // owner's row, then every checkpoint row of the owner in bucket order: the sub-select runs for
    // the owner row the CTE returned, so after its lock, and locks its rows in the order sorted.
    // Commits lock their rows in bucket order too (COMMIT), and later statements of a transaction
    // holding these locks wait for no more checkpoint rows, so no two transactions can wait for
    // each other in a cycle, whatever order RENEW_LEASES, GRANT or SEEK update the rows in.
    static final String LOCK_OWNER = """
            WITH locked AS MATERIALIZED (
            """ + OWNER_COLUMNS + """
                WHERE owner = ?
                FOR UPDATE
            )
            SELECT o.*,
                   (SELECT count(*) FROM (SELECT c.bucket FROM checkpoints c WHERE c.owner = o.owner
                                          ORDER BY c.bucket FOR NO KEY UPDATE) taken) AS checkpoints_locked
            FROM locked o
            """;

    static final String SELECT_OWNER = OWNER_COLUMNS + """
            WHERE owner = ?
            """;

    static final String SELECT_OWNERS = OWNER_COLUMNS + """
            ORDER BY owner
            """;

    static final String INSERT_OWNER = """
            INSERT INTO owners (owner, start_from, filter_types, filter_categories)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (owner) DO NOTHING
            """;

    // A new owner starts every bucket at 0 (earliest) or at the bucket's head (latest).
    static final String INSERT_CHECKPOINTS = """
            INSERT INTO checkpoints (owner, bucket, checkpoint)
            SELECT ?, bucket, CASE WHEN ? THEN head ELSE 0 END
            FROM buckets
            ON CONFLICT (owner, bucket) DO NOTHING
            """;

    static final String UPDATE_FILTER = """
            UPDATE owners SET filter_types = ?, filter_categories = ? WHERE owner = ?
            """;

    static final String UPDATE_PAUSED = """
            UPDATE owners SET paused = ? WHERE owner = ?
            """;

    static final String UPSERT_SUBSCRIPTION = """
            INSERT INTO subscriptions (owner, key, expires_at)
            VALUES (?, ?, clock_timestamp() + ?::interval)
            ON CONFLICT (owner, key) DO UPDATE SET expires_at = excluded.expires_at
            RETURNING expires_at
            """;

    static final String DELETE_SUBSCRIPTION = """
            DELETE FROM subscriptions WHERE owner = ? AND key = ?
            """;

    static final String SELECT_SUBSCRIPTIONS = """
            SELECT key, expires_at, created_at, expires_at > clock_timestamp() AS live
            FROM subscriptions
            WHERE owner = ?
            ORDER BY key
            """;

    // A new holder gets a new epoch and its subscription's expiry as the lease's; no holder, no lease.
    static final String GRANT = """
            UPDATE checkpoints c
            SET holder = x.holder,
                epoch = c.epoch + 1,
                lease_expires_at = (SELECT s.expires_at FROM subscriptions s
                                    WHERE s.owner = c.owner AND s.key = x.holder),
                pinned = x.holder IS NOT NULL AND ?,
                updated_at = clock_timestamp()
            FROM unnest(?::int[], ?::text[]) AS x (bucket, holder)
            WHERE c.owner = ? AND c.bucket = x.bucket
            """;

    static final String RENEW_LEASES = """
            UPDATE checkpoints
            SET lease_expires_at = ?
            WHERE owner = ? AND holder = ? AND lease_expires_at > clock_timestamp()
            """;

    static final String SEEK = """
            UPDATE checkpoints
            SET checkpoint = ?, epoch = epoch + 1, updated_at = clock_timestamp()
            WHERE owner = ? AND bucket = ?
            """;

    // The whole fence in one statement for every bucket of a request: holder, epoch and lease
    // expiry (database clock), never backwards, never beyond the head. It returns the buckets it
    // moved; the caller rolls back unless all of them did. The rows are locked first, in bucket
    // order (see LOCK_OWNER), so a commit and a heartbeat of the same owner cannot deadlock; the
    // guard is then checked against each row as it stands once locked.
    static final String COMMIT = """
            WITH asked AS (
                SELECT * FROM unnest(?::int[], ?::bigint[], ?::bigint[]) AS a (bucket, epoch, to_offset)
            ), locked AS (
                SELECT c.bucket FROM checkpoints c
                WHERE c.owner = ? AND c.bucket IN (SELECT bucket FROM asked)
                ORDER BY c.bucket
                FOR NO KEY UPDATE OF c
            )
            UPDATE checkpoints c
            SET checkpoint = a.to_offset, updated_at = clock_timestamp()
            FROM locked l, asked a, buckets b
            WHERE c.owner = ? AND c.bucket = l.bucket AND a.bucket = l.bucket AND b.bucket = l.bucket
              AND c.holder = ? AND c.epoch = a.epoch AND c.lease_expires_at > clock_timestamp()
              AND c.checkpoint <= a.to_offset AND a.to_offset <= b.head
            RETURNING c.bucket
            """;

    // What a fetch starts from, in one read: the owner (no row: unknown), whether the key is
    // subscribed, and one row per bucket the key holds with a valid lease (none: a row of nulls).
    static final String FETCH_START = """
            SELECT o.paused, o.filter_types, o.filter_categories,
                   EXISTS (SELECT 1 FROM subscriptions s WHERE s.owner = o.owner AND s.key = ?) AS subscribed,
                   h.bucket, h.epoch, h.checkpoint, h.head
            FROM owners o
            LEFT JOIN LATERAL (
                SELECT c.bucket, c.epoch, c.checkpoint, b.head
                FROM checkpoints c
                JOIN buckets b ON b.bucket = c.bucket
                WHERE c.owner = o.owner AND c.holder = ? AND c.lease_expires_at > clock_timestamp()
            ) h ON true
            WHERE o.owner = ?
            ORDER BY h.bucket
            """;

    private static final String BUCKET_COLUMNS = """
            SELECT c.bucket, c.checkpoint, b.head, c.holder, c.epoch, c.lease_expires_at, c.pinned,
                   c.holder IS NOT NULL AND c.lease_expires_at > clock_timestamp() AS lease_valid,
                   (SELECT e.recorded_at FROM events e
                    WHERE e.bucket = c.bucket AND e.bucket_offset = c.checkpoint + 1) AS oldest_pending
            FROM checkpoints c
            JOIN buckets b ON b.bucket = c.bucket
            """;

    static final String SELECT_BUCKETS = BUCKET_COLUMNS + """
            WHERE c.owner = ?
            ORDER BY c.bucket
            """;

    static final String SELECT_BUCKET = BUCKET_COLUMNS + """
            WHERE c.owner = ? AND c.bucket = ?
            """;

    static final String OFFSET_BEFORE = """
            SELECT coalesce(max(bucket_offset), 0)
            FROM events
            WHERE bucket = ? AND recorded_at < ?
            """;

    static final String SELECT_HEADS = """
            SELECT head FROM buckets ORDER BY bucket
            """;

    static final String INSERT_AUDIT = """
            INSERT INTO audit_log (action, owner, target, before, after, actor)
            VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?)
            """;

    // Two statements, not one with an optional owner: a plan for both cases scans the whole log.
    private static final String AUDIT_COLUMNS = """
            SELECT id, at, action, owner, target, before::text AS before, after::text AS after, actor
            FROM audit_log
            """;

    static final String SELECT_AUDIT = AUDIT_COLUMNS + """
            WHERE id < ?
            ORDER BY id DESC
            LIMIT ?
            """;

    static final String SELECT_OWNER_AUDIT = AUDIT_COLUMNS + """
            WHERE owner = ? AND id < ?
            ORDER BY id DESC
            LIMIT ?
            """;

    private static final String EVENT_COLUMNS = """
            SELECT id, stream, type, data::text AS data, metadata::text AS metadata, version, global_position,
                   bucket, bucket_offset, recorded_at
            FROM events
            """;

    static final String READ_BUCKET = EVENT_COLUMNS + """
            WHERE bucket = ? AND bucket_offset >= ?
            ORDER BY bucket_offset
            LIMIT ?
            """;

    // One indexed range read per bucket, all in one round trip.
    static final String READ_BUCKETS_AFTER = """
            SELECT e.id, e.stream, e.type, e.data::text AS data, e.metadata::text AS metadata, e.version,
                   e.global_position, e.bucket, e.bucket_offset, e.recorded_at
            FROM unnest(?::int[], ?::bigint[]) AS p (bucket, after)
            CROSS JOIN LATERAL (
                SELECT * FROM events
                WHERE events.bucket = p.bucket AND events.bucket_offset > p.after
                ORDER BY events.bucket_offset
                LIMIT ?
            ) e
            ORDER BY e.bucket, e.bucket_offset
            """;

    static final String READ_STREAM_AFTER = EVENT_COLUMNS + """
            WHERE stream = ? AND bucket_offset > ?
            ORDER BY version
            LIMIT ?
            """;
}
