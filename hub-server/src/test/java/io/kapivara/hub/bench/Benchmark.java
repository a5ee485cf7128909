package io.kapivara.hub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.kapivara.hub.bench.Results.Comparison;
import io.kapivara.hub.bench.Results.FillPoint;

/**
 * One benchmark run: starts hub-server as its own process on the run's database, measures (a) to
 * (f) in one go, stops the server and writes the report. Every loop is bounded in count and time.
 *
 * <p>Order: warm-up, (f) at the start, (a) and (b) with hub and JDBC taking turns round by round,
 * (c), (e), then the SQL fill up to the catch-up size and (d), then the remaining points of (f).
 */
public final class Benchmark {

    private final BenchSettings settings;
    private final BenchDatabase database;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private Benchmark(BenchSettings settings, BenchDatabase database) {
        this.settings = settings;
        this.database = database;
    }

    /**
     * Runs with the settings of the system properties (see {@link BenchSettings}) on a fresh
     * database on {@code HUB_BENCH_DATABASE_URL}, or on the local PostgreSQL when it is unset.
     */
    public static void main(String[] args) throws Exception {
        String server = System.getenv("HUB_BENCH_DATABASE_URL");
        runOnNewDatabase(BenchSettings.fromSystemProperties(),
                server == null || server.isBlank() ? BenchDatabase.LOCAL_SERVER : server);
    }

    /** Runs on a fresh database on the server {@code adminUrl} reaches, dropped at the end. */
    public static Results runOnNewDatabase(BenchSettings settings, String adminUrl) throws Exception {
        try (BenchDatabase database = BenchDatabase.create(adminUrl)) {
            return new Benchmark(settings, database).run();
        }
    }

    /** Runs on a given empty database, left in place. */
    public static Results runOn(BenchSettings settings, String databaseUrl) throws Exception {
        return new Benchmark(settings, BenchDatabase.given(databaseUrl)).run();
    }

    private Results run() throws Exception {
        Instant started = Instant.now();
        String loadBefore = Machine.loadAverage();
        Machine machine = Machine.describe(database.describeServer());
        log("database " + database.name() + "; starting hub-server from " + settings.serverJar());
        Results results;
        try (HubProcess hub = HubProcess.start(settings.serverJar(), database.url(), settings.workDirectory(),
                settings.jfr())) {
            log("hub-server pid " + hub.pid() + " on 127.0.0.1:" + hub.port());
            results = measure(new BenchHttp(hub.port()), machine, started, loadBefore);
        }
        Path summary = settings.workDirectory().resolve("summary-" + settings.profile() + ".md");
        Report.write(results, summary, settings.docs());
        log("summary written to " + summary.toAbsolutePath()
                + (settings.docs() == null ? "" : " and " + settings.docs()));
        System.out.println(Report.markdown(results));
        return results;
    }

    private Results measure(BenchHttp http, Machine machine, Instant started, String loadBefore) throws Exception {
        AppendLoad appends = new AppendLoad(http, database);
        log("warm-up");
        appends.hub("warmup", settings.clients(), 1, Duration.ZERO, settings.round());
        appends.hub("warmup", settings.clients(), settings.batchSize(), Duration.ZERO, settings.round());
        List<FillPoint> fills = new ArrayList<>();
        fills.add(fillPoint(appends, settings.fills().getFirst()));
        Comparison single = compare(appends, "single", 1);
        Comparison batch = compare(appends, "batch", settings.batchSize());
        database.execute(AppendLoad.DROP_BASELINE);
        log("(c) delivery latency at " + settings.latencyRate() + " events/s");
        DeliveryLatency.Result latency = new DeliveryLatency(http).run(run, settings.latencyRate(),
                settings.latencyTime(), latencyWarmup());
        log("(e) " + settings.idlePolls() + " idle long polls");
        IdlePolls.Result idle = new IdlePolls(http, database).run(run, settings.idlePolls(), settings.wakeUps());
        fill(settings.catchUpEvents());
        long stored = database.storedEvents();
        log("(d) catch-up of " + stored + " events");
        CatchUp.Result catchUp = new CatchUp(http).run(run, stored, Duration.ofMinutes(5));
        for (long target : settings.fills().subList(1, settings.fills().size())) {
            fills.add(fillPoint(appends, target));
        }
        return new Results(settings, machine, started, Duration.between(started, Instant.now()), loadBefore,
                Machine.loadAverage(), single, batch, latency, stored, catchUp, idle, fills);
    }

    private Duration latencyWarmup() {
        Duration fifth = settings.latencyTime().dividedBy(5);
        return fifth.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : fifth;
    }

    private Comparison compare(AppendLoad appends, String category, int batch) throws Exception {
        database.execute(AppendLoad.CREATE_BASELINE);
        List<ClosedLoop.Outcome> hub = new ArrayList<>();
        List<ClosedLoop.Outcome> jdbc = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            hub.add(appends.hub(category, settings.clients(), batch, settings.warmup(), settings.round()));
            jdbc.add(appends.jdbc(category, settings.clients(), batch, settings.warmup(), settings.round()));
            log("(" + (batch == 1 ? "a" : "b") + ") round " + round + ": hub "
                    + Report.perSecond(hub.getLast().eventsPerSecond()) + ", plain JDBC "
                    + Report.perSecond(jdbc.getLast().eventsPerSecond()));
        }
        return new Comparison(hub, jdbc);
    }

    private FillPoint fillPoint(AppendLoad appends, long target) throws Exception {
        long started = System.nanoTime();
        long filled = fill(target);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long stored = database.storedEvents();
        List<ClosedLoop.Outcome> rounds = new ArrayList<>();
        for (int round = 0; round < settings.fillRounds(); round++) {
            rounds.add(appends.hub("stored", settings.clients(), 1, settings.warmup(), settings.round()));
        }
        log("(f) " + stored + " stored: " + Report.perSecond(Results.rate(rounds)));
        return new FillPoint(stored, filled, took, rounds);
    }

    private long fill(long target) throws Exception {
        if (database.storedEvents() >= target) {
            return 0;
        }
        log("filling the store to " + target + " events");
        return new StoreFill(database).fillTo(target, added -> log("  filled " + added));
    }

    private static void log(String message) {
        System.out.println("[bench " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] "
                + message);
    }
}
