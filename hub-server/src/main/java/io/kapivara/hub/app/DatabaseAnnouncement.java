package io.kapivara.hub.app;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

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
        } catch (SQLException e) {
            log.warn("Database: cannot describe it: {}", e.toString());
        }
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
