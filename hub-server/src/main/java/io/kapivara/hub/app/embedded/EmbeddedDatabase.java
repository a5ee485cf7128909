package io.kapivara.hub.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server started from the binaries zonky ships, with its data in a directory that
 * survives restarts. Durable like any PostgreSQL: commits are synchronous.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code port} (0: a free one) with its data in {@code dataDirectory},
     * creating the cluster when the directory holds none.
     *
     * @param keepData false for throw-away databases (tests): the directory is removed at close
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean keepData) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        boolean root = runsAsRoot();
        if (root) {
            checkReachableByOthers(directory);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(!keepData)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200");
            if (root) {
                builder.setPgBinaryResolver(UnprivilegedBinaries.INSTANCE);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started: port [{}] data directory [{}]{}", postgres.getPort(), directory,
                    root ? " (the hub runs as root, so PostgreSQL runs unprivileged)" : "");
            return new EmbeddedDatabase(postgres, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start in " + directory, e);
        }
    }

    /** A JDBC URL of {@code database} as the superuser {@code postgres}. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database).replace("localhost", "127.0.0.1");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** As root, PostgreSQL runs unprivileged, and may need to walk down to the data directory. */
    private static void checkReachableByOthers(Path directory) {
        for (Path parent = directory.getParent(); parent != null; parent = parent.getParent()) {
            if (!Files.exists(parent)) {
                continue;
            }
            try {
                if (!Files.getPosixFilePermissions(parent).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    // Where user namespaces are not available, PostgreSQL runs as nobody and cannot
                    // enter this directory; say so now, since its own error would be obscure.
                    log.warn("Embedded PostgreSQL may not reach its data: the hub runs as root, PostgreSQL runs "
                            + "unprivileged, and others cannot enter [{}]. If it fails to start, set "
                            + "hub.embedded.data-directory below a directory others may enter.", parent);
                    return;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return;
            }
        }
    }
}
