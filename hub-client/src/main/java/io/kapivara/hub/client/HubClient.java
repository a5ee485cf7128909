package io.kapivara.hub.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.client.model.AppendRequest;
import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.client.model.AssignRequest;
import io.kapivara.hub.client.model.AssignmentResponse;
import io.kapivara.hub.client.model.AuditPage;
import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.BucketEvents;
import io.kapivara.hub.client.model.BucketList;
import io.kapivara.hub.client.model.Commit;
import io.kapivara.hub.client.model.EventData;
import io.kapivara.hub.client.model.EventPage;
import io.kapivara.hub.client.model.ExpectedVersion;
import io.kapivara.hub.client.model.FetchResponse;
import io.kapivara.hub.client.model.OwnerList;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.SeekRequest;
import io.kapivara.hub.client.model.StreamPage;
import io.kapivara.hub.client.model.SubscribeRequest;

/**
 * The Java client of a Kapivara EventHub over the hub's HTTP API: appends events to streams and
 * reads them back (the store), and subscribes, fetches and commits as a node of an owner, and acts
 * on owners as an operator (the bus). Build one with {@link #builder()}, share it between threads,
 * and close it when the application stops. To consume the bus, the consumer runtime
 * ({@link io.kapivara.hub.client.consumer.HubConsumer}) does the subscribing, heartbeating,
 * fetching and committing on top of this client.
 *
 * <h2>Failures</h2>
 * Every call throws a {@link HubClientException} when it fails, never a checked exception:
 * <ul>
 * <li>{@link HubTransientException} when the hub could not be reached, did not answer in time, or
 *     answered that it cannot serve now. The client has then already sent the call as often as its
 *     {@link RetryPolicy} allows (by default {@link RetryPolicy#DEFAULT}).</li>
 * <li>a subtype of {@link HubRequestException} when the hub refused the request; these are never
 *     repeated, since the same request would be refused again.</li>
 * </ul>
 * Calls that must not be applied twice (leave, and the operator actions evict, assign, release,
 * seek, pause and resume) are repeated only after failures that show the hub did not act on them
 * ({@link HubTransientException#unsent()}).
 *
 * <h2>Idempotent appends</h2>
 * An append gives every event without an id a new random id before its first attempt, so that all
 * attempts of that append carry the same ids. When an attempt was stored but its answer was lost,
 * the next attempt is answered as a replay ({@link AppendResponse#replay()} true) with the places
 * the events took the first time; the events are never stored twice. To keep that guarantee across
 * the caller's own repeats, for example after a restart, give each event its id yourself.
 */
public final class HubClient implements AutoCloseable {

    private final HubTransport transport;
    private final EventIds ids = new EventIds();

    private HubClient(HubTransport transport) {
        this.transport = transport;
    }

    /** Starts building a client; only the base URL must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Appends events to a stream, expecting {@link ExpectedVersion#ANY}.
     *
     * @see #append(String, List, AppendOptions)
     */
    public AppendResponse append(String stream, List<EventData> events) {
        return append(stream, events, AppendOptions.defaults());
    }

    /**
     * Appends events to a stream, atomically: all are stored, in order and with consecutive
     * versions, or none is. The stream is created by its first append.
     *
     * @param stream  the stream's name; any characters but whitespace and control characters,
     *                {@code /} included
     * @param events  one or more events; those without an id get one (see the class description)
     * @param options the expected version and the partition key
     * @return where the events stand; {@link AppendResponse#replay()} is true when an identical
     *         append had already stored them
     * @throws WrongExpectedVersionException  when the expected version does not hold
     * @throws DuplicateEventIdException      when an id is stored already, other than by an
     *                                        identical append
     * @throws PartitionKeyMismatchException  when the partition key differs from the stream's
     * @throws InvalidRequestException        when a name, the number of events or the JSON breaks a
     *                                        rule of the hub
     * @throws PayloadTooLargeException       when the request is larger than the hub accepts
     * @throws HubTransientException          when the hub could not be reached or answer in time,
     *                                        on every attempt; the events may or may not be stored
     */
    public AppendResponse append(String stream, List<EventData> events, AppendOptions options) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(events, "events");
        var request = new AppendRequest(options.expectedVersion(), options.partitionKey(), ids.assign(events));
        return transport.post(ApiPath.of("/api/streams").segment(stream), request, AppendResponse.class);
    }

    /**
     * Reads the first page of a stream, forward from version 0.
     *
     * @see #readStream(String, ReadStreamOptions)
     */
    public StreamPage readStream(String stream) {
        return readStream(stream, ReadStreamOptions.defaults());
    }

    /**
     * Reads one page of a stream. A page that reaches an end of the stream holds what exists
     * there, and its {@link StreamPage#next()} is null; otherwise {@code next} is the {@code from}
     * of the following page in the same direction.
     *
     * @throws StreamNotFoundException when the stream has no events
     * @throws InvalidRequestException when the stream name or the limit breaks a rule of the hub
     */
    public StreamPage readStream(String stream, ReadStreamOptions options) {
        Objects.requireNonNull(stream, "stream");
        return readStream(stream, options.from(), options.direction(), options.limit());
    }

    private StreamPage readStream(String stream, @Nullable Long from, Direction direction, int limit) {
        ApiPath path = ApiPath.of("/api/streams").segment(stream)
                .param("from", from)
                .param("direction", direction.wire())
                .param("limit", limit);
        return transport.get(path, StreamPage.class);
    }

    /**
     * All events of a stream, forward from version 0, read lazily page by page.
     *
     * @see #streamEvents(String, ReadStreamOptions)
     */
    public Stream<RecordedEvent> streamEvents(String stream) {
        return streamEvents(stream, ReadStreamOptions.defaults());
    }

    /**
     * The events of a stream from {@code options.from()} to its end in the options' direction,
     * read lazily: a page of {@code options.limit()} events is read only when the events before it
     * are used up. Events appended while the stream is walked forward are included when their page
     * is read. Nothing is read before the stream's first element is asked for; every failure of
     * {@link #readStream(String, ReadStreamOptions)}, {@link StreamNotFoundException} included, is
     * thrown from the stream operation that asked for the page.
     */
    public Stream<RecordedEvent> streamEvents(String stream, ReadStreamOptions options) {
        Objects.requireNonNull(stream, "stream");
        Direction direction = options.direction();
        int limit = options.limit();
        var pager = new StreamPager(options.from(), from -> readStream(stream, from, direction, limit));
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(pager, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Reads the first page of the whole store in global order.
     *
     * @see #readAll(ReadAllOptions)
     */
    public EventPage readAll() {
        return readAll(ReadAllOptions.defaults());
    }

    /**
     * Reads one page of the whole store in global order, optionally of one event type and one
     * stream category. Reading page after page, each with {@code after} set to the
     * {@link EventPage#next()} of the one before, sees every event exactly once; an empty page
     * returns the same {@code next} and is the place to ask again later.
     *
     * @throws InvalidRequestException when the limit breaks a rule of the hub
     */
    public EventPage readAll(ReadAllOptions options) {
        ApiPath path = ApiPath.of("/api/events")
                .param("after", options.after())
                .param("limit", options.limit())
                .param("type", options.type())
                .param("category", options.category());
        return transport.get(path, EventPage.class);
    }

    /**
     * Reads one event by its id.
     *
     * @throws EventNotFoundException when no event has that id
     */
    public RecordedEvent event(UUID id) {
        Objects.requireNonNull(id, "id");
        return transport.get(ApiPath.of("/api/events").segment(id.toString()), RecordedEvent.class);
    }

    /**
     * Creates an owner with the hub's defaults (from the earliest event, every event), or leaves an
     * existing one as it is.
     *
     * @see #putOwner(String, OwnerOptions)
     */
    public OwnerPut putOwner(String owner) {
        return putOwner(owner, OwnerOptions.defaults());
    }

    /**
     * Creates an owner, or changes the filter of an existing one. Where an owner starts is fixed
     * when it is created; a later call's {@link OwnerOptions#startFrom(StartFrom)} is ignored.
     * Repeating the call gives the same result.
     *
     * @throws InvalidRequestException when the name or a filter entry breaks a rule of the hub
     */
    public OwnerPut putOwner(String owner, OwnerOptions options) {
        Objects.requireNonNull(owner, "owner");
        HubTransport.Answer<OwnerStatus> answer =
                transport.put(ownerPath(owner), options.toRequest(), OwnerStatus.class);
        return new OwnerPut(answer.body(), answer.status() == 201);
    }

    /** Every owner with its lag and its number of live subscriptions, by name. */
    public OwnerList owners() {
        return transport.get(ApiPath.of("/api/owners"), OwnerList.class);
    }

    /**
     * An owner with its place in every bucket and its subscriptions.
     *
     * @throws OwnerNotFoundException when the hub does not know the owner
     */
    public OwnerStatus owner(String owner) {
        Objects.requireNonNull(owner, "owner");
        return transport.get(ownerPath(owner), OwnerStatus.class);
    }

    /**
     * Subscribes a node of an owner under a new random key, creating the owner with the hub's
     * defaults when it does not exist. The key is made here rather than by the hub, so that a
     * repeat after a lost answer renews the same subscription instead of making a second one.
     *
     * @see #subscribe(String, String)
     */
    public AssignmentResponse subscribe(String owner) {
        return subscribe(owner, ids.next().toString());
    }

    /**
     * Subscribes a node of an owner under {@code key}, or renews the subscription when the key is
     * subscribed already, creating the owner with the hub's defaults when it does not exist. The
     * hub balances the owner's buckets over its live subscriptions and answers the leases this one
     * holds now, and how often to heartbeat to keep them. Each lease has an epoch: name it when
     * committing.
     *
     * @throws InvalidRequestException when the owner or the key breaks a naming rule of the hub
     */
    public AssignmentResponse subscribe(String owner, String key) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(key, "key");
        return transport.post(subscriptionsPath(owner), new SubscribeRequest(key), AssignmentResponse.class);
    }

    /**
     * Renews a subscription and its leases, every {@link AssignmentResponse#heartbeatMs()}. The
     * answer is what the subscription holds now: a bucket missing from it, or listed with another
     * epoch than before, is no longer held under the old epoch; stop working on it.
     *
     * @throws SubscriptionNotFoundException when the key left, was evicted or never subscribed:
     *                                       subscribe again
     */
    public AssignmentResponse heartbeat(String owner, String key) {
        return transport.post(subscriptionPath(owner, key).segment("heartbeat"), Map.of(), AssignmentResponse.class);
    }

    /**
     * Ends a subscription; its buckets go to the owner's other live subscriptions at once. Commit
     * what was handled before leaving. A transient failure after which the hub may have acted is
     * not repeated.
     *
     * @throws SubscriptionNotFoundException when the key is not subscribed (or a lost answer's
     *                                       leave took effect)
     */
    public void leave(String owner, String key) {
        transport.deleteOnce(subscriptionPath(owner, key));
    }

    /**
     * An operator's eviction of a subscription: like {@link #leave(String, String)}, and written
     * to the audit log. A transient failure after which the hub may have acted is not repeated.
     *
     * @throws SubscriptionNotFoundException when the key is not subscribed
     */
    public void evict(String owner, String key) {
        transport.deleteOnce(subscriptionPath(owner, key).param("evict", true));
    }

    /**
     * Fetches events of the buckets the subscription holds: in offset order within each bucket,
     * fairly across buckets, only those passing the owner's filter. With a
     * {@link FetchOptions#maxWait(Duration) maxWait}, an empty fetch waits for events up to that long.
     * Pass the answer's {@link FetchResponse#cursor()} to the next fetch. Every event carries the
     * epoch of the lease it was read under, which a commit of its offset must name.
     *
     * @throws SubscriptionNotFoundException when the key is not subscribed
     * @throws OwnerNotFoundException        when the owner does not exist
     * @throws InvalidRequestException       when the limit, the wait or the cursor breaks a rule
     */
    public FetchResponse fetch(String owner, String key, FetchOptions options) {
        ApiPath path = subscriptionPath(owner, key).segment("events")
                .param("limit", options.limit())
                .param("waitMs", options.maxWait().toMillis())
                .param("lingerMs", options.linger().isPositive() ? options.linger().toMillis() : null)
                .param("cursor", options.cursor());
        return transport.get(path, FetchResponse.class, options.maxWait());
    }

    /**
     * Moves checkpoints: for each commit, the owner's checkpoint of that bucket becomes its offset.
     * All are applied or none is. Repeating a commit that was applied is harmless.
     *
     * @param commits one or more, each bucket at most once, each with the epoch its events were
     *                fetched under
     * @throws LeaseLostException         when the subscription no longer holds a bucket under the
     *                                    named epoch; stop working on that bucket
     * @throws OffsetBehindException      when an offset lies behind the bucket's checkpoint
     * @throws OffsetBeyondHeadException  when an offset lies beyond the bucket's last event
     * @throws InvalidRequestException    when the list is empty, names a bucket twice or out of range
     */
    public void commit(String owner, String key, List<Commit> commits) {
        Objects.requireNonNull(commits, "commits");
        transport.post(subscriptionPath(owner, key).segment("commits"), List.copyOf(commits));
    }

    /**
     * An owner's place in one bucket, with the event at its checkpoint.
     *
     * @throws OwnerNotFoundException  when the owner does not exist
     * @throws BucketNotFoundException when the bucket is out of range
     */
    public BucketCheckpoint bucketCheckpoint(String owner, int bucket) {
        return transport.get(bucketPath(owner, bucket), BucketCheckpoint.class);
    }

    /**
     * The events of a stream that the owner has not committed yet (those after its checkpoint in
     * the stream's bucket), oldest first, at most {@code limit}.
     *
     * @throws OwnerNotFoundException  when the owner does not exist
     * @throws StreamNotFoundException when the stream has no events
     */
    public EventPage ownerStreamEvents(String owner, String stream, int limit) {
        return ownerStreamEvents(owner, stream, 0, limit);
    }

    /**
     * The next page of {@link #ownerStreamEvents(String, String, int)}: the stream's events after
     * the owner's checkpoint and after bucket offset {@code after}, the {@code next} of the page
     * before.
     */
    public EventPage ownerStreamEvents(String owner, String stream, long after, int limit) {
        Objects.requireNonNull(stream, "stream");
        return transport.get(ownerPath(owner).segment("streams").segment(stream).segment("events")
                .param("after", after).param("limit", limit), EventPage.class);
    }

    /** Every bucket with its head, the offset of its last event. */
    public BucketList buckets() {
        return transport.get(ApiPath.of("/api/buckets"), BucketList.class);
    }

    /**
     * A page of a bucket's events from offset {@code from} (the first offset is 1), whatever any
     * owner has read: for inspection and replay.
     *
     * @throws BucketNotFoundException when the bucket is out of range
     * @throws InvalidRequestException when {@code from} or {@code limit} is out of range
     */
    public BucketEvents bucketEvents(int bucket, long from, int limit) {
        ApiPath path = ApiPath.of("/api/buckets").segment(Integer.toString(bucket)).segment("events")
                .param("from", from)
                .param("limit", limit);
        return transport.get(path, BucketEvents.class);
    }

    /**
     * An operator's force-reassign: gives the bucket to a live subscription under a new epoch, and
     * pins it there so that balancing leaves it. The previous holder's commits are refused from
     * then on. A transient failure after which the hub may have acted is not repeated.
     *
     * @throws SubscriptionNotFoundException when the key is not a live subscription of the owner
     * @throws BucketNotFoundException       when the bucket is out of range
     */
    public BucketCheckpoint assign(String owner, int bucket, String key) {
        Objects.requireNonNull(key, "key");
        return transport.postOnce(bucketPath(owner, bucket).segment("assign"), new AssignRequest(key),
                BucketCheckpoint.class);
    }

    /**
     * An operator's release: takes the bucket from its holder; balancing gives it to a live
     * subscription at once, under a new epoch. A transient failure after which the hub may have
     * acted is not repeated.
     *
     * @throws BucketNotFoundException when the bucket is out of range
     */
    public BucketCheckpoint release(String owner, int bucket) {
        return transport.postOnce(bucketPath(owner, bucket).segment("release"), null, BucketCheckpoint.class);
    }

    /**
     * An operator's seek: moves one bucket's checkpoint, backwards or forwards, under a new epoch,
     * so that its holder starts again from there. A transient failure after which the hub may have
     * acted is not repeated.
     *
     * @throws InvalidRequestException when an offset target lies beyond the bucket's head
     * @throws BucketNotFoundException when the bucket is out of range
     */
    public BucketCheckpoint seek(String owner, int bucket, SeekTarget to) {
        return transport.postOnce(bucketPath(owner, bucket).segment("seek"), new SeekRequest(to.wire()),
                BucketCheckpoint.class);
    }

    /**
     * An operator's seek of every bucket of the owner, in one step.
     *
     * @see #seek(String, int, SeekTarget)
     */
    public OwnerStatus seekAll(String owner, SeekTarget to) {
        return transport.postOnce(ownerPath(owner).segment("seek"), new SeekRequest(to.wire()), OwnerStatus.class);
    }

    /**
     * Stops handing out events to the owner's subscriptions; their fetches answer
     * {@link FetchResponse#paused()} and no events. Leases and commits go on.
     *
     * @throws OwnerNotFoundException when the owner does not exist
     */
    public OwnerStatus pause(String owner) {
        return transport.postOnce(ownerPath(owner).segment("pause"), null, OwnerStatus.class);
    }

    /**
     * Hands out events to the owner's subscriptions again after {@link #pause(String)}.
     *
     * @throws OwnerNotFoundException when the owner does not exist
     */
    public OwnerStatus resume(String owner) {
        return transport.postOnce(ownerPath(owner).segment("resume"), null, OwnerStatus.class);
    }

    /**
     * A page of the audit log of operator actions, newest first.
     *
     * @throws InvalidRequestException when the limit is out of range
     */
    public AuditPage audit(AuditQuery query) {
        ApiPath path = ApiPath.of("/api/audit")
                .param("owner", query.owner())
                .param("before", query.before())
                .param("limit", query.limit());
        return transport.get(path, AuditPage.class);
    }

    private static ApiPath ownerPath(String owner) {
        return ApiPath.of("/api/owners").segment(Objects.requireNonNull(owner, "owner"));
    }

    private static ApiPath subscriptionsPath(String owner) {
        return ownerPath(owner).segment("subscriptions");
    }

    private static ApiPath subscriptionPath(String owner, String key) {
        return subscriptionsPath(owner).segment(Objects.requireNonNull(key, "key"));
    }

    private static ApiPath bucketPath(String owner, int bucket) {
        return ownerPath(owner).segment("buckets").segment(Integer.toString(bucket));
    }

    /**
     * Waits for calls in progress to finish, then releases the connections. Calls after this throw
     * {@link IllegalStateException}.
     */
    @Override
    public void close() {
        transport.close();
    }

    /**
     * Settings of a {@link HubClient}. Setters return this builder; {@link #build()} checks them.
     */
    public static final class Builder {

        private @Nullable URI baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private @Nullable String apiToken;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;

        private Builder() {
        }

        /**
         * Where the hub listens, for example {@code http://localhost:8080}; the API's paths
         * ({@code /api/...}) are appended to it, so a base URL with a path prefix works behind a
         * proxy. Required.
         */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Like {@link #baseUrl(URI)}, parsing the text as a URI. */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(baseUrl));
        }

        /** How long to wait for a connection to the hub; 5 seconds unless set. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * How long to wait for the answer to one attempt of a call, from sending it; 30 seconds
         * unless set. An attempt that takes longer fails as transient.
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** A token sent with every request as {@code Authorization: Bearer <token>}; none when null. */
        public Builder apiToken(@Nullable String apiToken) {
            this.apiToken = apiToken;
            return this;
        }

        /** How calls that fail transiently are repeated; {@link RetryPolicy#DEFAULT} unless set. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * A client with these settings.
         *
         * @throws IllegalStateException when no base URL is set
         * @throws IllegalArgumentException when the base URL is not an absolute http or https URL
         *                                  without query, or a timeout is not positive, or the
         *                                  token is blank or spans lines
         */
        public HubClient build() {
            URI base = checkedBaseUrl();
            positive("connectTimeout", connectTimeout);
            positive("requestTimeout", requestTimeout);
            checkToken(apiToken);
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            return new HubClient(new HubTransport(http, base, requestTimeout, apiToken, retryPolicy, mapper()));
        }

        private URI checkedBaseUrl() {
            if (baseUrl == null) {
                throw new IllegalStateException("A hub client needs the hub's base URL: baseUrl [null]");
            }
            String scheme = baseUrl.getScheme();
            if (!baseUrl.isAbsolute() || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    || baseUrl.getHost() == null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException(
                        "A hub's base URL is an absolute http or https URL with a host and no query: baseUrl [%s]"
                                .formatted(baseUrl));
            }
            return baseUrl;
        }

        private static void positive(String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("A timeout is positive: %s [%s]".formatted(name, value));
            }
        }

        private static void checkToken(@Nullable String token) {
            if (token != null && (token.isBlank() || token.chars().anyMatch(c -> c == '\r' || c == '\n'))) {
                throw new IllegalArgumentException("An API token is not blank and on one line: apiToken [%d chars]"
                        .formatted(token.length()));
            }
        }

        private static JsonMapper mapper() {
            // Unknown members are ignored so that a newer hub may add fields; numbers keep every digit.
            return JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .build();
        }
    }
}
