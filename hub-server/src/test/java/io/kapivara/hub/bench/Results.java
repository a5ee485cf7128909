package io.kapivara.hub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Every figure of one run. {@code latencyFloor} is (c)'s floor: plain JDBC single-row inserts at
 * the same rate, open loop, in microseconds from their scheduled time to their commit.
 */
record Results(
        BenchSettings settings,
        Machine machine,
        Instant startedAt,
        Duration took,
        String loadBefore,
        String loadAfter,
        Comparison single,
        Comparison batch,
        DeliveryLatency.Result latency,
        Histogram latencyFloor,
        long catchUpStored,
        CatchUp.Result catchUp,
        IdlePolls.Result idle,
        List<FillPoint> fills,
        long retried) {

    /**
     * Hub against plain JDBC, round by round (they take turns, so both see the same noise).
     *
     * @param hubEventsPerCommit events the hub stored per transaction over its rounds (group commit)
     * @param hubCpu             CPU the hub side used over its rounds, warm-ups included
     * @param jdbcCpu            CPU the JDBC side used over its rounds, warm-ups included
     */
    record Comparison(List<ClosedLoop.Outcome> hub, List<ClosedLoop.Outcome> jdbc, double hubEventsPerCommit,
            CpuTime.Split hubCpu, CpuTime.Split jdbcCpu) {

        double hubRate() {
            return rate(hub);
        }

        double jdbcRate() {
            return rate(jdbc);
        }

        double ratio() {
            return hubRate() / jdbcRate();
        }

        Histogram hubLatencies() {
            return merged(hub);
        }

        Histogram jdbcLatencies() {
            return merged(jdbc);
        }
    }

    /**
     * Append throughput with {@code stored} events already in the store.
     *
     * @param asked how many stored events were asked for; fewer when the fill did not fit its time budget
     */
    record FillPoint(long asked, long stored, long filledIn, Duration fillTook, List<ClosedLoop.Outcome> rounds) {

        double rate() {
            return Results.rate(rounds);
        }
    }

    static double rate(List<ClosedLoop.Outcome> rounds) {
        long events = rounds.stream().mapToLong(ClosedLoop.Outcome::events).sum();
        long nanos = rounds.stream().mapToLong(round -> round.window().toNanos()).sum();
        return events / (nanos / 1e9);
    }

    static Histogram merged(List<ClosedLoop.Outcome> rounds) {
        Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        rounds.forEach(round -> all.add(round.latencies()));
        return all;
    }

    /** A latency percentile in milliseconds. */
    static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
