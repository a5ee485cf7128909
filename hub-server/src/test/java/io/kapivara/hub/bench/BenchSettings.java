package io.kapivara.hub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The sizes of one benchmark run. Two profiles: {@code full} (the figures in docs/performance.md)
 * and {@code smoke} (every measurement with tiny sizes, seconds in all, for CI). Any size can be
 * overridden by a system property {@code bench.<name>}.
 *
 * @param profile       full or smoke
 * @param serverJar     the hub-server jar to start as the server under test
 * @param workDirectory where the server log, the summary and recordings go
 * @param docs          the docs/performance.md to write the results into; none in smoke runs
 * @param clients       concurrent clients of the append measurements (a), (b) and (f)
 * @param warmup        unmeasured time at the start of each append round
 * @param round         measured time of each append round
 * @param rounds        rounds per append measurement, hub and JDBC taking turns
 * @param batchSize     events per append in (b)
 * @param latencyRate   events per second in (c)
 * @param latencyTime   how long (c) appends at that rate
 * @param catchUpEvents how many stored events (d) reads at least
 * @param idlePolls     long polls held open in (e)
 * @param wakeUps       appends whose wake-up (e) times
 * @param fills         events stored before each point of (f), ascending; the first is usually 0
 * @param fillRounds    append rounds at each point of (f)
 * @param jfr           whether the server records a JFR profile (server.jfr in the work directory)
 */
public record BenchSettings(
        String profile,
        Path serverJar,
        Path workDirectory,
        @Nullable Path docs,
        int clients,
        Duration warmup,
        Duration round,
        int rounds,
        int batchSize,
        int latencyRate,
        Duration latencyTime,
        long catchUpEvents,
        int idlePolls,
        int wakeUps,
        List<Long> fills,
        int fillRounds,
        boolean jfr) {

    /** The figures of record: about six minutes on a two-core machine. */
    public static BenchSettings full(Path serverJar, Path workDirectory, @Nullable Path docs) {
        return new BenchSettings("full", serverJar, workDirectory, docs, 32, Duration.ofSeconds(1),
                Duration.ofSeconds(5), 3, 100, 1_000, Duration.ofSeconds(20), 1_000_000, 1_000, 50,
                List.of(0L, 1_000_000L, 5_000_000L), 2, false);
    }

    /** Every measurement once, with tiny sizes: it shows that the benchmark works, not how fast. */
    public static BenchSettings smoke(Path serverJar, Path workDirectory) {
        return new BenchSettings("smoke", serverJar, workDirectory, null, 4, Duration.ofMillis(200),
                Duration.ofMillis(500), 1, 100, 200, Duration.ofSeconds(1), 2_000, 20, 3,
                List.of(0L, 3_000L, 6_000L), 1, false);
    }

    /** The profile named by {@code bench.profile} (full unless smoke), with every override applied. */
    public static BenchSettings fromSystemProperties() {
        Path jar = Path.of(System.getProperty("bench.serverJar", "target/hub-server.jar"));
        Path work = Path.of(System.getProperty("bench.workDirectory", "target/bench"));
        String docs = System.getProperty("bench.docs");
        BenchSettings base = "smoke".equals(System.getProperty("bench.profile", "full"))
                ? smoke(jar, work) : full(jar, work, docs == null || docs.isBlank() ? null : Path.of(docs));
        return base.overridden();
    }

    BenchSettings overridden() {
        return new BenchSettings(profile, serverJar, workDirectory, docs,
                integer("clients", clients), millis("warmupMs", warmup), millis("roundMs", round),
                integer("rounds", rounds), integer("batchSize", batchSize), integer("latencyRate", latencyRate),
                millis("latencyMs", latencyTime), number("catchUpEvents", catchUpEvents),
                integer("idlePolls", idlePolls), integer("wakeUps", wakeUps), fills("fills", fills),
                integer("fillRounds", fillRounds), Boolean.parseBoolean(System.getProperty("bench.jfr", "" + jfr)));
    }

    private static int integer(String name, int value) {
        return (int) number(name, value);
    }

    private static long number(String name, long value) {
        String text = System.getProperty("bench." + name);
        return text == null || text.isBlank() ? value : Long.parseLong(text.strip().replace("_", ""));
    }

    private static Duration millis(String name, Duration value) {
        return Duration.ofMillis(number(name, value.toMillis()));
    }

    private static List<Long> fills(String name, List<Long> value) {
        String text = System.getProperty("bench." + name);
        if (text == null || text.isBlank()) {
            return value;
        }
        return Arrays.stream(text.split(",")).map(part -> Long.parseLong(part.strip().replace("_", ""))).toList();
    }
}
