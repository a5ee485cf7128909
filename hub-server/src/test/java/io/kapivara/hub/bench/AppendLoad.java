package io.kapivara.hub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import io.kapivara.hub.client.BucketFunction;

/**
 * The two sides of the append comparison. The hub side appends over HTTP, each client to its own
 * stream with the exact expected version and client-made ids, so that every append passes the
 * hub's expected-version and idempotency checks. The JDBC side inserts the same rows (same id
 * kind, stream, version, type, payload, bucket and offset) into {@code bench_events}, a copy of
 * the events table with all its indexes and constraints, one transaction per append.
 */
final class AppendLoad {

    static final String CREATE_BASELINE = """
            CREATE TABLE IF NOT EXISTS bench_events (LIKE events INCLUDING ALL)
            """;

    static final String DROP_BASELINE = """
            DROP TABLE IF EXISTS bench_events
            """;

    private static final String INSERT_BASELINE = """
            INSERT INTO bench_events (global_position, id, stream, version, type, data, metadata, bucket,
                                      bucket_offset, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, NULL, ?, ?, clock_timestamp())
            """;

    private static final int BUCKETS = 16;

    private final BenchHttp http;
    private final BenchDatabase database;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong baselinePosition = new AtomicLong();
    private final AtomicLongArray baselineOffsets = new AtomicLongArray(BUCKETS);
    private final AtomicLong baselineBackendNanos = new AtomicLong();

    AppendLoad(BenchHttp http, BenchDatabase database) {
        this.http = http;
        this.database = database;
    }

    ClosedLoop.Outcome hub(String category, int clients, int batch, Duration warmup, Duration window)
            throws Exception {
        String run = Long.toString(sequence.incrementAndGet());
        return ClosedLoop.run(clients, warmup, window, client -> new HubClient(category + "-" + run + "_" + client,
                "bench." + category, batch));
    }

    ClosedLoop.Outcome jdbc(String category, int clients, int batch, Duration warmup, Duration window)
            throws Exception {
        String run = Long.toString(sequence.incrementAndGet());
        return ClosedLoop.run(clients, warmup, window, client -> new JdbcClient(category + "-" + run + "_" + client,
                "bench." + category, batch));
    }

    /**
     * Plain JDBC single-row inserts at a steady rate, open loop as in (c): each insert is started at
     * its scheduled time on a connection of a pool of {@code clients}, and timed from that time to
     * its commit. It is the floor of (c) on this machine: what an append's commit costs without the
     * hub, delivery left out.
     *
     * @return latencies in microseconds of the inserts scheduled after the warm-up
     */
    Histogram jdbcAtRate(int clients, int rate, Duration time, Duration warmup) throws Exception {
        String run = Long.toString(sequence.incrementAndGet());
        BlockingQueue<JdbcClient> pool = new ArrayBlockingQueue<>(clients);
        for (int client = 0; client < clients; client++) {
            pool.add(new JdbcClient("rate-" + run + "_" + client, "bench.rate", 1));
        }
        Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3);
        long interval = 1_000_000_000L / rate;
        long total = rate * time.toMillis() / 1_000;
        long start = System.nanoTime() + 50_000_000L;
        long recordFrom = start + warmup.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long scheduled = start + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                threads.submit(() -> {
                    JdbcClient client = pool.take();
                    try {
                        client.call();
                    } finally {
                        pool.add(client);
                    }
                    if (scheduled >= recordFrom) {
                        latencies.recordValue(Math.max(1, (System.nanoTime() - scheduled) / 1_000));
                    }
                    return null;
                });
            }
        } finally {
            for (JdbcClient client : pool) {
                client.close();
            }
            takeBaselineBackendNanos();
        }
        return latencies;
    }

    /** CPU time the JDBC clients' database backends used since the last call, from connect to close. */
    long takeBaselineBackendNanos() {
        return baselineBackendNanos.getAndSet(0);
    }

    private final class HubClient implements ClosedLoop.Client {

        private final String stream;
        private final String type;
        private final int batch;
        private long version = -1;

        HubClient(String stream, String type, int batch) {
            this.stream = stream;
            this.type = type;
            this.batch = batch;
        }

        @Override
        public int call() {
            StringBuilder events = new StringBuilder(batch * 220);
            for (int i = 0; i < batch; i++) {
                if (i > 0) {
                    events.append(", ");
                }
                events.append(BenchHttp.event(BenchHttp.eventId(), type, BenchHttp.orderData(version + 1 + i)));
            }
            String expected = version < 0 ? "\"no_stream\"" : Long.toString(version);
            http.append(stream, expected, events.toString()).expect(200, 201);
            version += batch;
            return batch;
        }
    }

    private final class JdbcClient implements ClosedLoop.Client {

        private final String stream;
        private final String type;
        private final int batch;
        private final int bucket;
        private final Connection connection;
        private final PreparedStatement insert;
        private final long backend;
        private final long backendStart;
        private long version = -1;

        JdbcClient(String stream, String type, int batch) {
            this.stream = stream;
            this.type = type;
            this.batch = batch;
            this.bucket = BucketFunction.bucketOf(stream, BUCKETS);
            try {
                this.connection = database.connect();
                connection.setAutoCommit(false);
                this.insert = connection.prepareStatement(INSERT_BASELINE);
                this.backend = backendPid(connection);
                this.backendStart = CpuTime.nanos(backend);
            } catch (SQLException e) {
                throw new IllegalStateException("Baseline client cannot connect", e);
            }
        }

        @Override
        public int call() throws SQLException {
            for (int i = 0; i < batch; i++) {
                version++;
                insert.setLong(1, baselinePosition.incrementAndGet());
                insert.setObject(2, BenchHttp.eventId());
                insert.setString(3, stream);
                insert.setLong(4, version);
                insert.setString(5, type);
                insert.setString(6, BenchHttp.orderData(version));
                insert.setInt(7, bucket);
                insert.setLong(8, baselineOffsets.incrementAndGet(bucket));
                if (batch == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (batch > 1) {
                insert.executeBatch();
            }
            connection.commit();
            return batch;
        }

        @Override
        public void close() throws SQLException {
            baselineBackendNanos.addAndGet(CpuTime.nanos(backend) - backendStart);
            connection.close();
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long pid = rs.getLong(1);
            connection.commit();
            return pid;
        }
    }
}
