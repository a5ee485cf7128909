package io.kapivara.hub.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * The database of one run: created fresh on a PostgreSQL server and dropped at the end, or given
 * (then left as it is). Also the direct SQL the benchmark needs besides the hub: facts about the
 * server, connection counts, and the fast fill of stored events.
 */
final class BenchDatabase implements AutoCloseable {

    /** The local PostgreSQL, as the project's tests use it. */
    static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    private static final String CONNECTIONS = """
            SELECT count(*) FILTER (WHERE state <> 'idle') AS busy, count(*) AS connected
            FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """;

    private static final String BACKENDS = """
            SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """;

    private static final String STORED = """
            SELECT global_position FROM store_head
            """;

    private final String url;
    private final @Nullable String adminUrl;
    private final String name;

    private BenchDatabase(String url, @Nullable String adminUrl, String name) {
        this.url = url;
        this.adminUrl = adminUrl;
        this.name = name;
    }

    /** Creates {@code hub_bench_<UTC time>_<random>} on the server that {@code adminUrl} reaches. */
    static BenchDatabase create(String adminUrl) {
        String name = "hub_bench_"
                + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        execute(adminUrl, "CREATE DATABASE " + name);
        return new BenchDatabase(urlOf(adminUrl, name), adminUrl, name);
    }

    /** A database made by someone else, which the run uses and leaves in place. */
    static BenchDatabase given(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return new BenchDatabase(url, null, path.substring(path.lastIndexOf('/') + 1));
    }

    String url() {
        return url;
    }

    String name() {
        return name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** The server's version and the settings that bound commit speed, for the report. */
    String describeServer() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return "PostgreSQL " + show(statement, "server_version") + " (shared_buffers "
                    + show(statement, "shared_buffers") + ", synchronous_commit "
                    + show(statement, "synchronous_commit")
                    + ", fsync " + show(statement, "fsync") + ", wal_sync_method " + show(statement, "wal_sync_method")
                    + ", max_connections " + show(statement, "max_connections") + ", autovacuum "
                    + show(statement, "autovacuum") + ")";
        }
    }

    /** Client connections to this database: how many run a statement or transaction, and how many exist. */
    ConnectionCount connections(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(CONNECTIONS)) {
            rs.next();
            return new ConnectionCount(rs.getInt("busy"), rs.getInt("connected"));
        }
    }

    record ConnectionCount(int busy, int connected) {
    }

    /** The server processes of every other client connection to this database now. */
    List<Long> backendPids() throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(BACKENDS)) {
            while (rs.next()) {
                pids.add(rs.getLong(1));
            }
        }
        return pids;
    }

    /** Events stored by the hub: its global positions are gapless from 1, so the store head is the count. */
    long storedEvents() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(STORED)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Starts a measured round from the same state whichever side ran before: no dirty buffers or
     * WAL left for a checkpoint to write in the middle of the round. Nothing is analyzed: the hub
     * is measured as it runs where autovacuum is off, as on the machines of docs/performance.md.
     */
    void settle() throws SQLException {
        execute("CHECKPOINT");
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Drops the database when this run created it; the hub must be stopped first. Tries for half a
     * minute, so that a PostgreSQL restarting under the run does not leave the database behind.
     */
    @Override
    public void close() {
        if (adminUrl == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                execute(adminUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            } catch (IllegalStateException e) {
                if (attempt == 30) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dropping the benchmark database", e);
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark database statement failed: " + sql, e);
        }
    }

    private static String urlOf(String adminUrl, String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
    }
}
