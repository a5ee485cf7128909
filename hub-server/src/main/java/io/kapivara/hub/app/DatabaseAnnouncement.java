package io.kapivara.hub.app;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.kapivara.hub.app.embedded.EmbeddedDatabase;
import io.kapivara.hub.store.BucketCount;

/** Says at startup which database the hub uses and where its data lives. */
@Component
class DatabaseAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAnnouncement.class);

    private static final String AUTOVACUUM_SETTINGS = """
            SELECT current_setting('autovacuum') AS autovacuum, current_setting('track_counts') AS track_counts
            """;

    private final DataSource dataSource;
    private final @Nullable EmbeddedDatabase embedded;
    private final BucketCount buckets;

    DatabaseAnnouncement(DataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded, BucketCount buckets) {
        this.dataSource = dataSource;
        this.embedded = embedded.getIfAvailable();
        this.buckets = buckets;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String where = embedded != null
                    ? "embedded, data directory [" + embedded.dataDirectory() + "]"
                    : "configured by HUB_DATABASE_URL or spring.datasource.url";
            log.info("Database: PostgreSQL {} at [{}] ({}); buckets [{}]", meta.getDatabaseProductVersion(),
                    withoutSecrets(meta.getURL()), where, buckets.count());
            warnWithoutAutovacuum(connection);
        } catch (SQLException e) {
            log.warn("Database: cannot describe it: {}", e.toString());
        }
    }

    // The hub's reads do not depend on statistics for their plans, but without vacuum the rows its
    // updates leave behind (stream versions, bucket heads, checkpoints) are only pruned page by page,
    // and the dashboard's estimates and index-only scans go stale.
    private static void warnWithoutAutovacuum(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery(AUTOVACUUM_SETTINGS)) {
            settings.next();
            if (!"on".equals(settings.getString("autovacuum")) || !"on".equals(settings.getString("track_counts"))) {
                log.warn("Database: autovacuum is off (autovacuum [{}], track_counts [{}]); the hub's tables are "
                        + "never vacuumed or analyzed unless an operator does it, see docs/operations.md",
                        settings.getString("autovacuum"), settings.getString("track_counts"));
            }
        }
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
