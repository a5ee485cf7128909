package io.kapivara.hub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

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

    static {
        // Read once, when the JDK's HTTP client first loads: shorter than the server's keep-alive
        // timeout (15 s), so the client drops idle connections before the server closes them.
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
    }

    /** The most a fill before a point of (f) may take, at the rate earlier fills went. */
    private static final Duration FILL_BUDGET = Duration.ofMinutes(3);

    /** The most (d) reads for; it reports the rate of what it read by then. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(2);

    private static final long SELF = ProcessHandle.current().pid();

    private final BenchSettings settings;
    private final BenchDatabase database;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private long hubPid;
    private long fillNanos;
    private long filledEvents;

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
                settings.jfr()); BenchHttp http = new BenchHttp(hub.port())) {
            log("hub-server pid " + hub.pid() + " on 127.0.0.1:" + hub.port());
            hubPid = hub.pid();
            results = measure(http, machine, started, loadBefore);
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
        // Both JVMs compile their hot paths first. On a busy two-core machine the JIT needs about a
        // minute of single appends before CPU per append stops falling (from 14 ms to 0.6 ms in the
        // server, 6 ms to 0.4 ms in the load generator, measured while writing this benchmark).
        log("warm-up");
        appends.hub("warmup", settings.clients(), 1, Duration.ZERO, settings.round().multipliedBy(12));
        appends.hub("warmup", settings.clients(), settings.batchSize(), Duration.ZERO,
                settings.round().multipliedBy(2));
        database.execute(AppendLoad.CREATE_BASELINE);
        appends.jdbc("warmup", settings.clients(), 1, Duration.ZERO, settings.round());
        database.execute(AppendLoad.DROP_BASELINE);
        // Fetches and commits too, or (c) would spend its first seconds compiling them.
        new DeliveryLatency(http).run(run + "-warmup", settings.latencyRate(), settings.latencyTime().dividedBy(2),
                Duration.ZERO);
        List<FillPoint> fills = new ArrayList<>();
        fills.add(fillPoint(appends, settings.fills().getFirst()));
        Comparison single = compare(http, appends, "single", 1);
        Comparison batch = compare(http, appends, "batch", settings.batchSize());
        database.execute(AppendLoad.DROP_BASELINE);
        database.settle();
        log("(c) delivery latency at " + settings.latencyRate() + " events/s");
        DeliveryLatency.Result latency = new DeliveryLatency(http).run(run, settings.latencyRate(),
                settings.latencyTime(), latencyWarmup());
        log("(c) plain JDBC commits at " + settings.latencyRate() + " events/s");
        database.execute(AppendLoad.CREATE_BASELINE);
        Histogram latencyFloor = appends.jdbcAtRate(settings.clients(), settings.latencyRate(), settings.latencyTime(),
                latencyWarmup());
        database.execute(AppendLoad.DROP_BASELINE);
        log("(e) " + settings.idlePolls() + " idle long polls");
        IdlePolls.Result idle = new IdlePolls(http, database).run(run, settings.idlePolls(), settings.wakeUps());
        fill(settings.catchUpEvents());
        long stored = database.storedEvents();
        log("(d) catch-up of " + stored + " events");
        CatchUp.Result catchUp = new CatchUp(http).run(run, stored, CATCH_UP_LIMIT);
        for (long target : settings.fills().subList(1, settings.fills().size())) {
            fills.add(fillPoint(appends, target));
        }
        return new Results(settings, machine, started, Duration.between(started, Instant.now()), loadBefore,
                Machine.loadAverage(), single, batch, latency, latencyFloor, stored, catchUp, idle, fills,
                BenchHttp.retried());
    }

    private Duration latencyWarmup() {
        Duration fifth = settings.latencyTime().dividedBy(5);
        return fifth.compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : fifth;
    }

    private Comparison compare(BenchHttp http, AppendLoad appends, String category, int batch) throws Exception {
        database.execute(AppendLoad.CREATE_BASELINE);
        List<ClosedLoop.Outcome> hub = new ArrayList<>();
        List<ClosedLoop.Outcome> jdbc = new ArrayList<>();
        CpuTime.Split hubCpu = CpuTime.Split.NONE;
        CpuTime.Split jdbcCpu = CpuTime.Split.NONE;
        double events = 0;
        double commits = 0;
        for (int round = 1; round <= settings.rounds(); round++) {
            double eventsBefore = http.metric("hub.appended.events");
            double commitsBefore = http.metric("hub.append.groups");
            database.settle();
            List<Long> backends = database.backendPids();
            long self = CpuTime.nanos(SELF);
            long server = CpuTime.nanos(hubPid);
            long db = CpuTime.nanos(backends);
            hub.add(appends.hub(category, settings.clients(), batch, settings.warmup(), settings.round()));
            hubCpu = hubCpu.plus(new CpuTime.Split(CpuTime.nanos(SELF) - self, CpuTime.nanos(hubPid) - server,
                    CpuTime.nanos(backends) - db, hub.getLast().allEvents()));
            events += http.metric("hub.appended.events") - eventsBefore;
            commits += http.metric("hub.append.groups") - commitsBefore;
            database.settle();
            self = CpuTime.nanos(SELF);
            jdbc.add(appends.jdbc(category, settings.clients(), batch, settings.warmup(), settings.round()));
            jdbcCpu = jdbcCpu.plus(new CpuTime.Split(CpuTime.nanos(SELF) - self, 0,
                    appends.takeBaselineBackendNanos(), jdbc.getLast().allEvents()));
            log("(" + (batch == 1 ? "a" : "b") + ") round " + round + ": hub "
                    + Report.perSecond(hub.getLast().eventsPerSecond()) + ", plain JDBC "
                    + Report.perSecond(jdbc.getLast().eventsPerSecond()));
        }
        return new Comparison(hub, jdbc, commits == 0 ? 0 : events / commits, hubCpu, jdbcCpu);
    }

    private FillPoint fillPoint(AppendLoad appends, long asked) throws Exception {
        long target = withinBudget(asked);
        long started = System.nanoTime();
        long filled = fill(target);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        long stored = database.storedEvents();
        List<ClosedLoop.Outcome> rounds = new ArrayList<>();
        for (int round = 0; round < settings.fillRounds(); round++) {
            database.settle();
            rounds.add(appends.hub("stored", settings.clients(), 1, settings.warmup(), settings.round()));
        }
        log("(f) " + stored + " stored: " + Report.perSecond(Results.rate(rounds)));
        return new FillPoint(asked, stored, filled, took, rounds);
    }

    /**
     * The fill target that fits the fill budget at the rate fills have gone so far: a slow or
     * busy machine gets a smaller store rather than a run without end.
     */
    private long withinBudget(long asked) throws Exception {
        long stored = database.storedEvents();
        if (asked <= stored || fillNanos == 0) {
            return asked;
        }
        double perSecond = filledEvents / (fillNanos / 1e9);
        long fits = stored + (long) (perSecond * FILL_BUDGET.toSeconds());
        if (fits >= asked) {
            return asked;
        }
        log("(f) " + asked + " stored would take " + (long) ((asked - stored) / perSecond) + " s to fill at "
                + (long) perSecond + " events/s; filling to " + fits + " instead (budget " + FILL_BUDGET.toSeconds()
                + " s)");
        return fits;
    }

    private long fill(long target) throws Exception {
        if (database.storedEvents() >= target) {
            return 0;
        }
        log("filling the store to " + target + " events");
        long started = System.nanoTime();
        long added = new StoreFill(database).fillTo(target, sum -> log("  filled " + sum));
        fillNanos += System.nanoTime() - started;
        filledEvents += added;
        return added;
    }

    private static void log(String message) {
        String time = LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        System.out.println("[bench " + time + " UTC] " + message);
    }
}
