package io.kapivara.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The full benchmark, run only by the {@code bench} Maven profile (its name does not end in IT, so
 * the ordinary build leaves it out): {@code ./mvnw -q -Pbench -pl hub-server -am verify}. It makes
 * a fresh database on {@code HUB_BENCH_DATABASE_URL} (a PostgreSQL server URL with a user allowed
 * to create databases; the local server at 127.0.0.1:5432 when unset) and drops it at the end.
 */
class PerformanceBenchmark {

    @Test
    void measuresTheHubAgainstPlainJdbcAndWritesTheReport() throws Exception {
        String server = System.getenv("HUB_BENCH_DATABASE_URL");
        BenchSettings settings = BenchSettings.fromSystemProperties();

        Results results = Benchmark.runOnNewDatabase(settings,
                server == null || server.isBlank() ? BenchDatabase.LOCAL_SERVER : server);

        assertThat(results.single().hubRate()).as("hub appends per second").isPositive();
        assertThat(results.single().jdbcRate()).as("plain JDBC inserts per second").isPositive();
    }
}
