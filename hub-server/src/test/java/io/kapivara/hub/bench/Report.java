package io.kapivara.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

import io.kapivara.hub.bench.Results.Comparison;
import io.kapivara.hub.bench.Results.FillPoint;

/**
 * Writes a run's figures as Markdown: ratios and targets first, then the absolute figures, then
 * the machine. In docs/performance.md it replaces what stands between the two result markers.
 */
final class Report {

    static final String BEGIN = "<!-- benchmark results: begin (written by the benchmark; do not edit by hand) -->";
    static final String END = "<!-- benchmark results: end -->";

    static final String COMMAND = "./mvnw -q -Pbench -pl hub-server -am verify";

    private Report() {
    }

    static String markdown(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(r.startedAt().atOffset(ZoneOffset.UTC).withNano(0))).append(" UTC, profile `")
                .append(r.settings().profile()).append("`, ").append(r.took().toSeconds())
                .append(" s in all, made by `").append(COMMAND)
                .append(r.settings().profile().equals("full") ? "" : " -Dbench.profile=" + r.settings().profile())
                .append("`.\n\n");
        targets(md, r);
        absolutes(md, r);
        retries(md, r);
        machine(md, r);
        return md.toString();
    }

    private static void targets(StringBuilder md, Results r) {
        md.append("| | measure | result | target | met |\n|---|---|---|---|---|\n");
        row(md, "a", "single-event appends, hub ÷ plain JDBC", times(r.single().ratio()), "≥ 1.0×",
                r.single().ratio() >= 1.0);
        row(md, "b", r.settings().batchSize() + "-event batch appends, hub ÷ plain JDBC", times(r.batch().ratio()),
                "≥ 0.8×", r.batch().ratio() >= 0.8);
        double p99 = Results.millis(r.latency().latencies(), 99);
        row(md, "c", "append-to-delivery p99 at " + number(r.settings().latencyRate()) + " events/s",
                ms(p99), "≤ 25 ms", p99 <= 25);
        row(md, "d", "catch-up through fetch and commit", perSecond(r.catchUp().eventsPerSecond()),
                "≥ 50,000 events/s", r.catchUp().eventsPerSecond() >= 50_000);
        row(md, "e", "connections in use for " + number(r.idle().held()) + " idle long polls",
                Integer.toString(r.idle().hikariActive()), "≤ 2", r.idle().hikariActive() <= 2);
        double wake = Results.millis(r.idle().wakeUps(), 99);
        row(md, "e", "wake-up p99 of one append with them held", ms(wake), "≤ 25 ms", wake <= 25);
        FillPoint first = r.fills().getFirst();
        FillPoint last = r.fills().getLast();
        double slower = 1 - last.rate() / first.rate();
        row(md, "f", "append throughput at " + number(last.stored()) + " stored against "
                + number(first.stored()), slower >= 0 ? percent(slower) + " slower" : percent(-slower) + " faster",
                "≤ 15% slower", slower <= 0.15);
        md.append('\n');
    }

    private static void absolutes(StringBuilder md, Results r) {
        md.append("Absolute figures:\n\n");
        comparison(md, "(a) single-event appends", r.settings().clients(), r.single());
        comparison(md, "(b) " + r.settings().batchSize() + "-event batch appends", r.settings().clients(), r.batch());
        Histogram lat = r.latency().latencies();
        md.append("- (c) delivery at ").append(perSecond(r.latency().achievedRate())).append(" (")
                .append(number(r.latency().sent())).append(" sent, ").append(number(r.latency().received()))
                .append(" delivered): p50 ").append(ms(Results.millis(lat, 50))).append(", p99 ")
                .append(ms(Results.millis(lat, 99))).append(", p99.9 ").append(ms(Results.millis(lat, 99.9)))
                .append(", max ").append(ms(lat.getMaxValue() / 1_000.0)).append("; of which the append's own answer")
                .append(" (send to answer): p50 ").append(ms(Results.millis(r.latency().appends(), 50)))
                .append(", p99 ").append(ms(Results.millis(r.latency().appends(), 99)))
                .append("; plain JDBC inserts at the same rate")
                .append(" (one transaction each, open loop, send to commit): p50 ")
                .append(ms(Results.millis(r.latencyFloor(), 50))).append(", p99 ")
                .append(ms(Results.millis(r.latencyFloor(), 99))).append(", max ")
                .append(ms(r.latencyFloor().getMaxValue() / 1_000.0)).append('\n');
        md.append("- (d) catch-up: ").append(number(r.catchUp().events())).append(" events read (store held ")
                .append(number(r.catchUpStored())).append(") in ").append(seconds(r.catchUp().elapsed().toMillis()))
                .append(", ").append(number(r.catchUp().fetches())).append(" fetches: ")
                .append(perSecond(r.catchUp().eventsPerSecond())).append('\n');
        IdlePolls.Result idle = r.idle();
        md.append("- (e) ").append(number(idle.held())).append(" long polls waiting: Hikari active ")
                .append(idle.hikariActive()).append(" (the notification listener's), database connections busy ")
                .append(idle.busyConnections()).append(" of ").append(idle.openConnections()).append(" open; heap ")
                .append(mb(idle.heapBeforeBytes())).append(" before, ").append(mb(idle.heapHeldBytes()))
                .append(" while held; wake-up over ").append(idle.wakeUps().getTotalCount()).append(" appends: p50 ")
                .append(ms(Results.millis(idle.wakeUps(), 50))).append(", p99 ")
                .append(ms(Results.millis(idle.wakeUps(), 99))).append(", max ")
                .append(ms(idle.wakeUps().getMaxValue() / 1_000.0)).append("; idle polls woken by them: ")
                .append(idle.idleWoken()).append('\n');
        for (FillPoint point : r.fills()) {
            md.append("- (f) ").append(number(point.stored())).append(" events stored");
            if (point.stored() < point.asked()) {
                md.append(" (").append(number(point.asked())).append(" asked: filling that many did not fit the"
                        + " fill budget at the fill rate this machine gave)");
            }
            if (point.filledIn() > 0) {
                md.append(" (").append(number(point.filledIn())).append(" filled by SQL in ")
                        .append(seconds(point.fillTook().toMillis())).append(')');
            }
            md.append(": ").append(perSecond(point.rate())).append(" single-event appends, ")
                    .append(r.settings().clients()).append(" clients\n");
        }
        md.append('\n');
    }

    private static void retries(StringBuilder md, Results r) {
        md.append("Requests the load generator sent again after a 503 or a connection closed under them: ")
                .append(number(r.retried())).append(".\n\n");
    }

    private static void comparison(StringBuilder md, String name, int clients, Comparison c) {
        md.append("- ").append(name).append(", ").append(clients).append(" clients, ").append(c.hub().size())
                .append(c.hub().size() == 1 ? " round each: hub " : " rounds each: hub ")
                .append(perSecond(c.hubRate())).append(" (append p50 ")
                .append(ms(Results.millis(c.hubLatencies(), 50))).append(", p99 ")
                .append(ms(Results.millis(c.hubLatencies(), 99))).append("), plain JDBC ")
                .append(perSecond(c.jdbcRate())).append(" (p50 ").append(ms(Results.millis(c.jdbcLatencies(), 50)))
                .append(", p99 ").append(ms(Results.millis(c.jdbcLatencies(), 99))).append("); ratio by round ")
                .append(rounds(c)).append("; the hub stored ").append(String.format(Locale.ROOT, "%.1f",
                        c.hubEventsPerCommit())).append(" events per commit\n");
        md.append("  - CPU per event, hub: ").append(cpu(c.hubCpu(), true)).append("; plain JDBC: ")
                .append(cpu(c.jdbcCpu(), false)).append('\n');
    }

    private static String cpu(CpuTime.Split split, boolean withServer) {
        double generator = split.microsPerEvent(split.loadGenerator());
        double server = split.microsPerEvent(split.server());
        double database = split.microsPerEvent(split.database());
        return String.format(Locale.ROOT, "%.0f µs (load generator %.0f, %sPostgreSQL backends %.0f)",
                generator + (withServer ? server : 0) + database, generator,
                withServer ? String.format(Locale.ROOT, "hub-server %.0f, ", server) : "", database);
    }

    private static String rounds(Comparison c) {
        StringBuilder ratios = new StringBuilder();
        for (int i = 0; i < c.hub().size(); i++) {
            ratios.append(i == 0 ? "" : ", ")
                    .append(times(c.hub().get(i).eventsPerSecond() / c.jdbc().get(i).eventsPerSecond()));
        }
        return ratios.toString();
    }

    private static void machine(StringBuilder md, Results r) {
        Machine m = r.machine();
        md.append("Machine: ").append(m.processors()).append(" processors (").append(m.cpu()).append("), ")
                .append(m.memory()).append(" memory, ").append(m.os()).append("; ").append(m.jdk())
                .append(" for the server and the load generator; ").append(m.postgres())
                .append(". Server, PostgreSQL and load generator share the machine. Load average (1, 5, 15 min) ")
                .append(r.loadBefore()).append(" before the run, ").append(r.loadAfter()).append(" after it.\n");
    }

    private static void row(StringBuilder md, String letter, String measure, String result, String target,
            boolean met) {
        md.append("| (").append(letter).append(") | ").append(measure).append(" | ").append(result).append(" | ")
                .append(target).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
    }

    /** Writes the summary; into the docs file between the markers, keeping everything around them. */
    static void write(Results results, Path summary, @Nullable Path docs) throws IOException {
        String block = markdown(results);
        Files.createDirectories(summary.toAbsolutePath().getParent());
        Files.writeString(summary, block);
        if (docs == null) {
            return;
        }
        String text = Files.exists(docs) ? Files.readString(docs) : "# Performance\n\n" + BEGIN + "\n" + END + "\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(docs + " has no result markers: " + List.of(BEGIN, END));
        }
        Files.writeString(docs, text.substring(0, begin + BEGIN.length()) + "\n\n" + block + "\n"
                + text.substring(end));
    }

    static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%,.0f events/s", rate);
    }

    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
    }

    static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1_000_000);
    }
}
