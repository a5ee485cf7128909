package io.kapivara.hub.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;

/**
 * The plans PostgreSQL caches for the hub's statements while its tables are new: never analyzed,
 * and empty or nearly so, as they are when a hub starts on a new database (and as they stay, as
 * far as the planner knows, where autovacuum is off). A prepared statement keeps its generic plan
 * until its table is analyzed, so a plan chosen for a table of a few rows may be the one the
 * statement runs with millions.
 */
public final class GenericPlans implements AutoCloseable {

    private static final Pattern STATEMENT = Pattern.compile("\\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\\b");
    private static final Pattern SEQUENTIAL_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    private final Connection connection;

    private GenericPlans(Connection connection) {
        this.connection = connection;
    }

    /** A new database with the hub's schema, on which nothing was ever analyzed. */
    public static GenericPlans onNewSchema() {
        String url = TestDatabases.freshDatabase();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load().migrate();
        try {
            return new GenericPlans(DriverManager.getConnection(url));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + url, e);
        }
    }

    /** The tables as a hub leaves them at its first start: 64 buckets, nothing else. */
    public GenericPlans withBuckets() throws SQLException {
        return run("INSERT INTO buckets (bucket) SELECT generate_series(0, 63)");
    }

    /**
     * Adds what a few minutes of a new hub's use leave: 40 streams of 100 events, two owners with
     * their checkpoints and a subscription each, and some audit rows. Around this size some plans
     * that used an index for an empty table turn to reading it whole.
     */
    public GenericPlans withAFewRows() throws SQLException {
        return run("""
                INSERT INTO streams (stream, version, bucket)
                SELECT 'plan-' || g, 2, g % 64 FROM generate_series(1, 40) g
                """, """
                INSERT INTO events (global_position, id, stream, version, type, data, bucket, bucket_offset,
                                    recorded_at)
                SELECT g, gen_random_uuid(), 'plan-' || (g % 40 + 1), g / 40, 'planned', '{"n": 1}',
                       (g % 40 + 1) % 64, g, clock_timestamp()
                FROM generate_series(1, 100) g
                """, """
                INSERT INTO owners (owner) VALUES ('plan-a'), ('plan-b')
                """, """
                INSERT INTO checkpoints (owner, bucket, checkpoint)
                SELECT o, b, 0 FROM unnest(ARRAY['plan-a', 'plan-b']) o, generate_series(0, 63) b
                """, """
                INSERT INTO subscriptions (owner, key, expires_at)
                VALUES ('plan-a', 'node-1', clock_timestamp()), ('plan-b', 'node-1', clock_timestamp())
                """, """
                INSERT INTO audit_log (action, owner, target)
                SELECT 'seek', 'plan-a', 'bucket 1' FROM generate_series(1, 10)
                """);
    }

    private GenericPlans run(String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return this;
    }

    /**
     * The generic plan of a statement with JDBC placeholders, as EXPLAIN shows it, after the
     * given statements ran in the same transaction (for settings made with SET LOCAL).
     */
    public String plan(String sql, String... before) throws SQLException {
        int parameters = 0;
        StringBuilder numbered = new StringBuilder();
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++parameters);
            } else {
                numbered.append(c);
            }
        }
        List<String> nulls = new ArrayList<>();
        for (int i = 0; i < parameters; i++) {
            nulls.add("NULL");
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            for (String setting : before) {
                statement.execute(setting);
            }
            statement.execute("PREPARE planned AS " + numbered);
            StringBuilder plan = new StringBuilder();
            String execute = parameters == 0 ? "planned" : "planned(" + String.join(", ", nulls) + ")";
            try (ResultSet lines = statement.executeQuery("EXPLAIN EXECUTE " + execute)) {
                while (lines.next()) {
                    plan.append(lines.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DEALLOCATE ALL");
            }
        }
    }

    /**
     * The single SQL statements among a class's constants (package-private or wider), by name:
     * queries and changes, not fragments, settings or joined round trips.
     */
    public static Map<String, String> statementsOf(Class<?> holder) {
        Map<String, String> statements = new TreeMap<>();
        for (Field field : holder.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() != String.class || !Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)) {
                continue;
            }
            try {
                field.setAccessible(true);
                String sql = (String) field.get(null);
                if (STATEMENT.matcher(sql).lookingAt() && !sql.contains(";")) {
                    statements.put(field.getName(), sql);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + field, e);
            }
        }
        return statements;
    }

    /** The tables a plan reads from start to end. */
    public static List<String> sequentiallyScanned(String plan) {
        List<String> tables = new ArrayList<>();
        Matcher scan = SEQUENTIAL_SCAN.matcher(plan);
        while (scan.find()) {
            tables.add(scan.group(1));
        }
        return tables;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
