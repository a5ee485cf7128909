package io.kapivara.hub.reliability;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.kapivara.hub.app.HubServerApplication;
import io.kapivara.hub.app.embedded.EmbeddedDatabase;
import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;

/**
 * PostgreSQL restarts under a running hub: requests meanwhile get 503 (never a hang), and the hub
 * recovers without a restart of its own: appends succeed again, notifications resume and long
 * polls wake again. Runs on an embedded PostgreSQL of its own, since it stops it.
 */
class PostgresRestartIT {

    @Test
    void recoversAppendsAndWakeUpsAfterTheDatabaseRestarts() throws Exception {
        Path directory = Files.createTempDirectory("hub-restart-pg-");
        directory.toFile().setExecutable(true, false);
        int databasePort = ServerProcess.freePort();
        EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("data"), databasePort, true);
        ConfigurableApplicationContext hub = null;
        try {
            hub = new SpringApplicationBuilder(HubServerApplication.class).run("--server.port=0",
                    "--spring.datasource.url=" + database.jdbcUrl("postgres"),
                    "--spring.datasource.hikari.connection-timeout=2000");
            BusCalls bus = new BusCalls(((WebServerApplicationContext) hub).getWebServer().getPort());
            String stream = uniqueStream("restart");
            assertThat(append(bus, stream).status()).isEqualTo(201);

            database.close();
            HubHttp.Response during = append(bus, stream);
            assertThat(during.status()).isEqualTo(503);
            assertThat(during.raw().headers().firstValue("Retry-After")).isPresent();

            database = EmbeddedDatabase.start(directory.resolve("data"), databasePort, true);
            assertThat(appendUntilAccepted(bus, stream)).isEqualTo(201);
            assertThat(longPollWakesAgain(bus)).isTrue();
            assertThat(bus.http().get("/api/streams/" + path(stream)).json().path("version").asLong())
                    .isGreaterThanOrEqualTo(1);
        } finally {
            if (hub != null) {
                hub.close();
            }
            database.close();
        }
    }

    private static HubHttp.Response append(BusCalls bus, String stream) {
        return bus.http().post("/api/streams/" + path(stream), "{\"events\": [{\"type\": \"a\", \"data\": 1}]}");
    }

    private static int appendUntilAccepted(BusCalls bus, String stream) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = append(bus, stream).status();
            if (status == 201) {
                return status;
            }
            Thread.sleep(500);
        }
        return status;
    }

    /** A fetch waiting on a fresh owner wakes on an append; tried a few times while the listener reconnects. */
    private static boolean longPollWakesAgain(BusCalls bus) throws Exception {
        String owner = uniqueOwner();
        bus.http().put("/api/owners/" + path(owner), "{\"startFrom\": \"latest\"}");
        bus.subscribe(owner, "after-restart");
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int attempt = 0; attempt < 10; attempt++) {
                Future<HubHttp.Response> waiting = threads.submit(() -> bus.fetch(owner, "after-restart", 10, 5_000,
                        null));
                Thread.sleep(300);
                long start = System.nanoTime();
                bus.append(uniqueStream("wake"), "wake");
                HubHttp.Response woken = waiting.get(15, TimeUnit.SECONDS);
                long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                if (!woken.json().path("events").isEmpty() && waited < 2_000) {
                    return true;
                }
                Thread.sleep(1_000);
            }
        }
        return false;
    }
}
