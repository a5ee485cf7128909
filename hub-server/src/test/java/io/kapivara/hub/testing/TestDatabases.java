package io.kapivara.hub.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.kapivara.hub.app.embedded.EmbeddedDatabase;

/**
 * The PostgreSQL server the tests run against, chosen once per test JVM:
 * {@code HUB_TEST_DATABASE_URL} when set, else a Testcontainers PostgreSQL when a Docker daemon
 * answers, else an embedded PostgreSQL. Every caller of {@link #freshDatabase()} gets a database of
 * its own on that server.
 */
public final class TestDatabases {

    private static final Logger log = LoggerFactory.getLogger(TestDatabases.class);

    /** The time zone of every test database's sessions; tests run the JVM in yet another one. */
    public static final String DATABASE_TIME_ZONE = "America/St_Johns";

    private static volatile Server server;

    private TestDatabases() {
    }

    /** A JDBC URL (with user) of a new, empty database. */
    public static String freshDatabase() {
        Server current = server();
        String name = "hub_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(current.adminUrl(), "CREATE DATABASE " + name);
        execute(current.adminUrl(), "ALTER DATABASE " + name + " SET timezone TO '" + DATABASE_TIME_ZONE + "'");
        return current.urlOf(name);
    }

    /** Where the test databases live, for the test log. */
    public static String describe() {
        return server().description();
    }

    private static synchronized Server server() {
        if (server == null) {
            server = start();
            log.info("Test database server: {}", server.description());
        }
        return server;
    }

    private static Server start() {
        String url = System.getenv("HUB_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, "HUB_TEST_DATABASE_URL " + withoutSecrets(url));
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Server(container.getJdbcUrl() + "&user=" + container.getUsername() + "&password="
                    + container.getPassword(), "Testcontainers " + container.getJdbcUrl());
        }
        EmbeddedDatabase embedded = EmbeddedDatabase.start(temporaryDirectory(), 0, false);
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "test-postgres-stop"));
        return new Server(embedded.jdbcUrl("postgres"), "embedded PostgreSQL on port " + embedded.port());
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("hub-test-postgres-");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create a directory for the test PostgreSQL", e);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed: " + sql, e);
        }
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("password=[^&]*", "password=***");
    }

    /** @param adminUrl a URL of the server's maintenance database, with a user allowed to create databases */
    private record Server(String adminUrl, String description) {

        String urlOf(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
        }
    }
}
