package io.kapivara.hub.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.kapivara.hub.bus.BucketState;
import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.bus.FetchService;

/**
 * The hub's gauges: fetches waiting on this node, and every owner's lag per bucket (events and
 * seconds), sampled from the database at a fixed rate. Counters live in the adapters that see the
 * work: {@code hub.appended.events}, {@code hub.append.groups}, {@code hub.commits},
 * {@code hub.lease.changes}, {@code hub.fetched.events}.
 */
@Component
class HubMetrics {

    private static final Logger log = LoggerFactory.getLogger(HubMetrics.class);

    private final BusQueries queries;
    private final MultiGauge lag;
    private final MultiGauge lagSeconds;
    private final MultiGauge heads;

    HubMetrics(MeterRegistry meters, FetchService fetches, BusQueries queries) {
        this.queries = queries;
        Gauge.builder("hub.fetches.waiting", fetches, FetchService::waitingPolls)
                .description("Fetches long-polling on this node").register(meters);
        this.lag = MultiGauge.builder("hub.owner.lag").description("Events stored and not committed")
                .baseUnit("events").register(meters);
        this.lagSeconds = MultiGauge.builder("hub.owner.lag.seconds")
                .description("Age of the oldest uncommitted event").baseUnit("seconds").register(meters);
        this.heads = MultiGauge.builder("hub.bucket.head").description("Last offset of each bucket")
                .register(meters);
    }

    @Scheduled(initialDelayString = "${hub.metrics.lag-interval:15s}",
            fixedDelayString = "${hub.metrics.lag-interval:15s}")
    void sample() {
        try {
            Instant now = Instant.now();
            List<MultiGauge.Row<?>> lags = new ArrayList<>();
            List<MultiGauge.Row<?>> ages = new ArrayList<>();
            for (BusQueries.OwnerView owner : queries.owners()) {
                for (BucketState bucket : owner.buckets()) {
                    Tags tags = Tags.of("owner", owner.owner().name(), "bucket", Integer.toString(bucket.bucket()));
                    lags.add(MultiGauge.Row.of(tags, bucket.lag()));
                    ages.add(MultiGauge.Row.of(tags, age(bucket, now)));
                }
            }
            lag.register(lags, true);
            lagSeconds.register(ages, true);
            List<Long> bucketHeads = queries.heads();
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (int bucket = 0; bucket < bucketHeads.size(); bucket++) {
                rows.add(MultiGauge.Row.of(Tags.of("bucket", Integer.toString(bucket)), bucketHeads.get(bucket)));
            }
            heads.register(rows, true);
        } catch (RuntimeException e) {
            log.warn("Metrics lag sample failed: {}", e.toString());
        }
    }

    private static double age(BucketState bucket, Instant now) {
        return bucket.oldestPending() == null ? 0
                : Math.max(0, Duration.between(bucket.oldestPending(), now).toMillis() / 1000.0);
    }
}
