package io.kapivara.hub.app;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import io.kapivara.hub.client.BucketFunction;

/**
 * Every {@code hub.*} setting; see docs/operations.md. A value out of range stops the start with a
 * message naming the setting, rather than falling back to a default.
 *
 * @param buckets the bucket count, fixed at the first start (16 when not set then); a later start
 *                with another count stops
 */
@ConfigurationProperties("hub")
public record HubSettings(@Nullable Integer buckets, @DefaultValue Store store, @DefaultValue Bus bus,
        @DefaultValue Embedded embedded, @DefaultValue Dashboard dashboard, @DefaultValue Tail tail) {

    public static final int DEFAULT_BUCKETS = 16;

    public HubSettings {
        if (buckets != null && (buckets < 1 || buckets > BucketFunction.MAX_BUCKETS)) {
            throw new IllegalArgumentException("hub.buckets must be 1 to %d: [%d]"
                    .formatted(BucketFunction.MAX_BUCKETS, buckets));
        }
    }

    /**
     * @param maxNameLength      longest stream name, event type and partition key
     * @param maxEventsPerAppend most events in one append
     * @param maxRequestSize     largest request body; larger ones get 413
     * @param groupMaxEvents     most events that concurrent appends store in one shared transaction
     * @param groupMaxQueued     most appends waiting for a transaction; more get 503
     * @param appendTimeout      how long an append waits for its commit before answering 503
     */
    public record Store(
            @DefaultValue("200") int maxNameLength,
            @DefaultValue("1000") int maxEventsPerAppend,
            @DefaultValue("4MB") DataSize maxRequestSize,
            @DefaultValue("5000") int groupMaxEvents,
            @DefaultValue("10000") int groupMaxQueued,
            @DefaultValue("30s") Duration appendTimeout) {

        public Store {
            positive("hub.store.max-name-length", maxNameLength);
            positive("hub.store.max-events-per-append", maxEventsPerAppend);
            positive("hub.store.max-request-size", maxRequestSize.toBytes());
            positive("hub.store.group-max-events", groupMaxEvents);
            positive("hub.store.group-max-queued", groupMaxQueued);
            positive("hub.store.append-timeout", appendTimeout.toMillis());
            if (groupMaxEvents < maxEventsPerAppend) {
                throw new IllegalArgumentException(
                        "hub.store.group-max-events [%d] must be at least hub.store.max-events-per-append [%d]"
                                .formatted(groupMaxEvents, maxEventsPerAppend));
            }
        }
    }

    /**
     * @param leaseTtl        how long a lease lasts without a heartbeat (subscriptions heartbeat at a third of it)
     * @param maxWait         the longest a fetch may wait for events
     * @param maxFetchLimit   the most events one fetch returns
     * @param maxWaitingPolls the most fetches waiting at once on one node; more get 503
     */
    public record Bus(
            @DefaultValue("10s") Duration leaseTtl,
            @DefaultValue("30s") Duration maxWait,
            @DefaultValue("1000") int maxFetchLimit,
            @DefaultValue("10000") int maxWaitingPolls) {

        public Bus {
            positive("hub.bus.lease-ttl", leaseTtl.toMillis());
            positive("hub.bus.max-wait", maxWait.toMillis() + 1);
            positive("hub.bus.max-fetch-limit", maxFetchLimit);
            positive("hub.bus.max-waiting-polls", maxWaitingPolls);
        }
    }

    /**
     * The embedded PostgreSQL, used when no database is configured.
     *
     * @param dataDirectory where its data lives, kept across restarts
     * @param port          its port on 127.0.0.1; 0 picks a free one at each start
     */
    public record Embedded(@DefaultValue(".hub/postgres") Path dataDirectory, @DefaultValue("0") int port) {

        public Embedded {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("hub.embedded.port must be 0 to 65535: [%d]".formatted(port));
            }
        }
    }

    /**
     * The dashboard.
     *
     * @param lagSampleInterval how often each owner's lag is sampled for its lag chart, on every node
     * @param lagSamples        the samples kept per owner, in memory; older ones are dropped
     */
    public record Dashboard(@DefaultValue("5s") Duration lagSampleInterval, @DefaultValue("720") int lagSamples) {

        public Dashboard {
            positive("hub.dashboard.lag-sample-interval", lagSampleInterval.toMillis());
            positive("hub.dashboard.lag-samples", lagSamples);
        }
    }

    /**
     * The live tail over WebSocket ({@code /ws/tail}).
     *
     * @param bufferSize  the events waiting to be sent to one browser; past it events are dropped
     *                    and the browser is told how many
     * @param maxSessions the most tails open at once on one node; more are closed with a reason
     */
    public record Tail(@DefaultValue("256") int bufferSize, @DefaultValue("100") int maxSessions) {

        public Tail {
            positive("hub.tail.buffer-size", bufferSize);
            positive("hub.tail.max-sessions", maxSessions);
        }
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("%s must be positive: [%d]".formatted(name, value));
        }
    }
}
