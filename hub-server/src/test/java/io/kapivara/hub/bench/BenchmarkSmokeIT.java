package io.kapivara.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.kapivara.hub.testing.TestDatabases;

/**
 * Keeps the benchmark working: every measurement once with tiny sizes, against a real hub-server
 * process on a test database. It checks that each measurement produced a figure, never how good
 * the figure is: speed on a shared CI machine proves nothing.
 */
class BenchmarkSmokeIT {

    @Test
    void everyMeasurementProducesAFigure() throws Exception {
        BenchSettings settings = BenchSettings.smoke(
                Path.of(System.getProperty("bench.serverJar", "target/hub-server.jar")), Path.of("target/bench-smoke"));

        Results results = Benchmark.runOn(settings, TestDatabases.freshDatabase());

        assertThat(results.single().ratio()).as("(a) single appends, hub ÷ JDBC").isPositive().isFinite();
        assertThat(results.batch().ratio()).as("(b) batch appends, hub ÷ JDBC").isPositive().isFinite();
        assertThat(results.latency().received()).as("(c) events delivered").isEqualTo(results.latency().sent());
        assertThat(Results.millis(results.latency().latencies(), 99)).as("(c) p99 ms").isPositive();
        assertThat(results.latencyFloor().getTotalCount()).as("(c) plain JDBC inserts timed").isPositive();
        assertThat(results.catchUp().events()).as("(d) events caught up").isEqualTo(results.catchUpStored());
        assertThat(results.catchUp().eventsPerSecond()).as("(d) events/s").isPositive();
        assertThat(results.idle().held()).as("(e) polls held").isGreaterThanOrEqualTo(settings.idlePolls());
        assertThat(results.idle().hikariActive()).as("(e) connections in use").isNotNegative();
        assertThat(results.idle().heapHeldBytes()).as("(e) heap").isPositive();
        assertThat(results.idle().wakeUps().getTotalCount()).as("(e) wake-ups").isEqualTo(settings.wakeUps());
        assertThat(results.fills()).as("(f) points").hasSize(settings.fills().size())
                .allSatisfy(point -> assertThat(point.rate()).isPositive());
        assertThat(results.fills().getLast().stored()).as("(f) last fill")
                .isGreaterThanOrEqualTo(settings.fills().getLast());
    }
}
