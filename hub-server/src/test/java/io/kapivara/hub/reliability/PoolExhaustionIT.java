package io.kapivara.hub.reliability;

import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/** When the connection pool is exhausted, requests get 503 with Retry-After instead of hanging. */
@HubServerTest
@DirtiesContext
@TestPropertySource(properties = {
    "spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.connection-timeout=500"})
class PoolExhaustionIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void answers503WithRetryAfterWhileNoConnectionIsFree() throws Exception {
        HubHttp http = new HubHttp(port);
        String stream = uniqueStream("pool");
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            while (pool.getHikariPoolMXBean().getIdleConnections() > 0
                    || pool.getHikariPoolMXBean().getTotalConnections() < 3) {
                held.add(pool.getConnection());
            }
            long start = System.nanoTime();
            HubHttp.Response append = http.post("/api/streams/" + path(stream),
                    "{\"events\": [{\"type\": \"a\", \"data\": 1}]}");
            HubHttp.Response read = http.get("/api/events?limit=1");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(append.status()).isEqualTo(503);
            assertThat(append.problem()).isEqualTo("unavailable");
            assertThat(append.raw().headers().firstValue("Retry-After")).contains("1");
            assertThat(read.status()).isEqualTo(503);
            assertThat(tookMillis).isLessThan(10_000);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertThat(http.post("/api/streams/" + path(stream), "{\"events\": [{\"type\": \"a\", \"data\": 1}]}")
                .status()).isEqualTo(201);
    }
}
