package io.kapivara.hub.client.consumer;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.client.HubClient;
import io.kapivara.hub.client.OwnerOptions;

/**
 * Runs one node of an owner on the event bus: subscribes, keeps its leases with heartbeats,
 * fetches the events of the buckets it holds, hands them to an {@link EventHandler}, and commits
 * what was handled. Start several nodes of one owner (each with its own key, in one process or
 * many) and the hub spreads the buckets over them; when one stops, the others take its buckets.
 *
 * <pre>{@code
 * try (HubConsumer consumer = HubConsumer.builder()
 *         .client(hub)
 *         .owner("billing")
 *         .handler(event -> invoices.apply(event))
 *         .build()) {
 *     consumer.start();
 *     ...
 * }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li><b>Order:</b> the events of one bucket, so of one stream, reach the handler one at a time, in
 *     offset order. Buckets are handled in parallel, each on a virtual thread of its own.</li>
 * <li><b>At least once:</b> an event's offset is committed only after the handler returned for it
 *     and every event before it in its bucket. An event handled but not yet committed when the node
 *     crashes or loses the lease is handed again, to this node or another. Handlers must be
 *     idempotent; see {@link EventHandler}.</li>
 * <li><b>Fencing:</b> once the hub says a lease ended (a heartbeat or fetch no longer lists the
 *     bucket, or lists it under a new epoch, or a commit is refused as lease lost), none of that
 *     lease's events is handed to the handler any more and nothing more is committed under it. When
 *     the bucket comes back under a new epoch it starts again from the owner's checkpoint.</li>
 * <li><b>Never skipping:</b> an event the handler keeps failing on stops its bucket after
 *     {@link Builder#maxAttempts(int)} attempts, with the checkpoint before the event; the failure
 *     is logged at error and told to {@link ConsumerListener#bucketFailed(HandlerFailure)}. The
 *     other buckets go on.</li>
 * </ul>
 *
 * <h2>Commits</h2>
 * Commits are batched: one request commits every bucket that got further, when
 * {@link Builder#commitEvery(int)} events were handled since the last commit or
 * {@link Builder#commitInterval(Duration)} passed, whichever comes first. Events the owner's filter
 * leaves out are committed too, so they leave no lag.
 *
 * <h2>Failures of the hub</h2>
 * Calls that fail transiently (after the client's own {@link io.kapivara.hub.client.RetryPolicy})
 * are tried again after a growing backoff, for as long as the node runs; each is logged and told
 * to {@link ConsumerListener#transientFailure}. A subscription the hub no longer knows (evicted, or
 * expired while the hub was out of reach) is made again under the same key.
 */
public final class HubConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubConsumer.class);

    private final ConsumerSettings settings;
    private final Coordinator coordinator;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private HubConsumer(HubClient client, ConsumerSettings settings, EventHandler handler, ConsumerListener listener) {
        this.settings = settings;
        this.coordinator = new Coordinator(client, settings, handler, listener);
        this.thread = Thread.ofVirtual().name("hub-consumer-%s-%s".formatted(settings.owner(), settings.key()))
                .unstarted(coordinator);
    }

    /** Starts building a consumer; the client, the owner and the handler must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The owner this node consumes for. */
    public String owner() {
        return settings.owner();
    }

    /** The key of this node's subscription: the one given, or one made when none was. */
    public String key() {
        return settings.key();
    }

    /**
     * Starts the node in the background and returns at once: it puts the owner (when
     * {@link Builder#ownerOptions(OwnerOptions)} are set), subscribes, and begins handing events
     * to the handler.
     *
     * @return this consumer
     * @throws IllegalStateException when it was started or closed before
     */
    public HubConsumer start() {
        if (closed.get() || !started.compareAndSet(false, true)) {
            throw new IllegalStateException("A consumer starts once: owner [%s] key [%s]"
                    .formatted(settings.owner(), settings.key()));
        }
        thread.start();
        log.info("Owner [{}] key [{}] consumer started", settings.owner(), settings.key());
        return this;
    }

    /**
     * Stops the node in order and waits for it: no more fetches; every bucket's events already
     * received are handled (for up to {@link Builder#closeTimeout(Duration)}; an event being
     * handled then completes, the rest are left for the next holder); what was handled is
     * committed; the subscription leaves, so that the owner's other nodes take its buckets at
     * once. Calling it again does nothing. It does not close the {@link HubClient}.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || !started.get()) {
            return;
        }
        coordinator.requestClose();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            coordinator.crash();
        }
    }

    /**
     * Stops the node as a crash of its process would: at once, interrupting handlers, without
     * committing or leaving. Its leases lapse after the hub's lease time and go to other nodes.
     * For tests of failover.
     */
    void crash() {
        closed.set(true);
        coordinator.crash();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Settings of a {@link HubConsumer}. Setters return this builder; {@link #build()} checks
     * them.
     */
    public static final class Builder {

        private @Nullable HubClient client;
        private @Nullable String owner;
        private @Nullable String key;
        private @Nullable EventHandler handler;
        private ConsumerListener listener = ConsumerListener.NONE;
        private @Nullable OwnerOptions ownerOptions;
        private int fetchLimit = 100;
        private Duration fetchWait = Duration.ofSeconds(2);
        private Duration fetchLinger = Duration.ofMillis(5);
        private int maxBacklog = 1_000;
        private int commitEvery = 100;
        private Duration commitInterval = Duration.ofSeconds(1);
        private int maxAttempts = 5;
        private Duration handlerBackoff = Duration.ofMillis(200);
        private Duration maxHandlerBackoff = Duration.ofSeconds(10);
        private Duration hubBackoff = Duration.ofMillis(500);
        private Duration maxHubBackoff = Duration.ofSeconds(30);
        private Duration closeTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The client to talk to the hub with; required. The consumer never closes it. */
        public Builder client(HubClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** The owner to consume for; required. The hub creates it with defaults on subscribe. */
        public Builder owner(String owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        /**
         * The key of this node's subscription, unique among the owner's running nodes; a stable
         * one (a host name, a pod name) lets a restarted node take its old buckets back at once.
         * A random one unless set.
         */
        public Builder key(@Nullable String key) {
            this.key = key;
            return this;
        }

        /** What to do with each event; required. */
        public Builder handler(EventHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** Who hears about buckets and failures; {@link ConsumerListener#NONE} unless set. */
        public Builder listener(ConsumerListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Put the owner with these options before subscribing: to choose where a new owner starts
         * and which events it wants. Unless set, the owner is left as it is (or created with the
         * hub's defaults).
         */
        public Builder ownerOptions(@Nullable OwnerOptions ownerOptions) {
            this.ownerOptions = ownerOptions;
            return this;
        }

        /** The most events one fetch asks for; 100 unless set. At most the hub's maximum (1000). */
        public Builder fetchLimit(int fetchLimit) {
            this.fetchLimit = fetchLimit;
            return this;
        }

        /**
         * The longest a fetch waits for events when there are none (a long poll); 2 seconds unless
         * set. A fetch never waits past the next heartbeat or a due commit.
         */
        public Builder fetchWait(Duration fetchWait) {
            this.fetchWait = Objects.requireNonNull(fetchWait, "fetchWait");
            return this;
        }

        /**
         * How long events may gather: a fetch with fewer than {@link #fetchLimit(int) fetchLimit}
         * events answers no sooner than this after it was sent; 5 ms unless set, at most 1 second.
         * A node that keeps up then makes about one fetch (and one commit) per linger rather than
         * one per append, for that much latency. Zero answers at once.
         */
        public Builder fetchLinger(Duration fetchLinger) {
            this.fetchLinger = Objects.requireNonNull(fetchLinger, "fetchLinger");
            return this;
        }

        /**
         * How many received events one bucket may have waiting for its handler before the node
         * stops fetching until the handler catches up; 1000 unless set.
         */
        public Builder maxBacklog(int maxBacklog) {
            this.maxBacklog = maxBacklog;
            return this;
        }

        /** Commit once this many events were handled since the last commit; 100 unless set. */
        public Builder commitEvery(int commitEvery) {
            this.commitEvery = commitEvery;
            return this;
        }

        /** Commit any progress at least this often; 1 second unless set. */
        public Builder commitInterval(Duration commitInterval) {
            this.commitInterval = Objects.requireNonNull(commitInterval, "commitInterval");
            return this;
        }

        /**
         * How often an event is handed to the handler before its bucket stops; 5 unless set. 1
         * stops the bucket at the first failure.
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The wait after a handler's first failure on an event, doubling after each further one up
         * to {@code max}; 200 ms up to 10 seconds unless set. Up to half of each wait is left out
         * at random.
         */
        public Builder handlerBackoff(Duration initial, Duration max) {
            this.handlerBackoff = Objects.requireNonNull(initial, "initial");
            this.maxHandlerBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * The wait after a failed call to the hub, doubling while calls keep failing, up to
         * {@code max}; 500 ms up to 30 seconds unless set.
         */
        public Builder hubBackoff(Duration initial, Duration max) {
            this.hubBackoff = Objects.requireNonNull(initial, "initial");
            this.maxHubBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        /** How long {@link HubConsumer#close()} lets handlers finish what they have; 30 seconds unless set. */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
            return this;
        }

        /**
         * A consumer with these settings, not started yet.
         *
         * @throws IllegalStateException    when the client, the owner or the handler is not set
         * @throws IllegalArgumentException when a number is below 1, a duration is negative, or a
         *                                  backoff's max is below its initial wait
         */
        public HubConsumer build() {
            if (client == null || owner == null || handler == null) {
                throw new IllegalStateException("A consumer needs a client, an owner and a handler: client [%s] "
                        .formatted(client == null ? "missing" : "set") + "owner [%s] handler [%s]"
                        .formatted(owner, handler == null ? "missing" : "set"));
            }
            String subscriptionKey = key != null ? key : UUID.randomUUID().toString();
            var settings = new ConsumerSettings(owner, subscriptionKey, ownerOptions, fetchLimit, fetchWait,
                    fetchLinger, maxBacklog, commitEvery, commitInterval, maxAttempts,
                    new Backoff(handlerBackoff, maxHandlerBackoff), new Backoff(hubBackoff, maxHubBackoff),
                    closeTimeout);
            return new HubConsumer(client, settings, handler, listener);
        }
    }
}
