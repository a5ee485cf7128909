package io.kapivara.hub.bus.notify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that listens to {@code hub_appends} and feeds {@link BucketSignals}.
 * Reconnects with backoff when the connection or the database goes away; after every (re)connect
 * it reads all bucket heads, since notices sent while it was away are lost.
 *
 * <p>The payload, written by the store's append transaction, is {@code bucket:head} pairs joined
 * by commas, or {@code *} when a group touched too many buckets to list.
 */
final class AppendListener implements AutoCloseable {

    static final String CHANNEL = "hub_appends";

    private static final Logger log = LoggerFactory.getLogger(AppendListener.class);

    /** Where changes of owners, subscriptions and leases are told (see V5__bus_change_notices.sql). */
    static final String CHANGES_CHANNEL = "hub_bus";

    private static final String LISTEN = "LISTEN " + CHANNEL + "; LISTEN " + CHANGES_CHANNEL;
    private static final String SELECT_HEADS = """
            SELECT bucket, head FROM buckets
            """;

    private final DataSource dataSource;
    private final BucketSignals signals;
    private final Thread thread;
    private volatile boolean running = true;

    AppendListener(DataSource dataSource, BucketSignals signals) {
        this.dataSource = dataSource;
        this.signals = signals;
        this.thread = Thread.ofPlatform().name("hub-append-listener").daemon().start(this::run);
    }

    private void run() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
                backoff = Duration.ofMillis(100);
                receive(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Append listener lost its connection, reconnecting in {} ms: {}", backoff.toMillis(),
                        e.toString());
                // Notices may have been lost meanwhile: count a change and wake every waiter.
                signals.changed();
                signals.movedEverywhere();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                        ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(LISTEN);
            Map<Integer, Long> heads = new HashMap<>();
            try (ResultSet rs = statement.executeQuery(SELECT_HEADS)) {
                while (rs.next()) {
                    heads.put(rs.getInt(1), rs.getLong(2));
                }
            }
            signals.moved(heads);
        }
        log.info("Append listener listening on [{}] and [{}]", CHANNEL, CHANGES_CHANNEL);
    }

    private void receive(PGConnection connection) throws SQLException {
        while (running) {
            PGNotification[] notices = connection.getNotifications(500);
            if (notices == null) {
                continue;
            }
            for (PGNotification notice : notices) {
                if (CHANGES_CHANNEL.equals(notice.getName())) {
                    signals.changed();
                } else {
                    deliver(notice.getParameter());
                }
            }
        }
    }

    void deliver(String payload) {
        if ("*".equals(payload)) {
            signals.movedEverywhere();
            return;
        }
        Map<Integer, Long> heads = new HashMap<>();
        for (String pair : payload.split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                heads.put(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
            }
        }
        signals.moved(heads);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
