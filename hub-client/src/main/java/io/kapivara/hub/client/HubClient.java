package io.kapivara.hub.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
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
import io.kapivara.hub.client.model.EventData;
import io.kapivara.hub.client.model.EventPage;
import io.kapivara.hub.client.model.ExpectedVersion;
import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.StreamPage;

/**
 * The Java client of a Kapivara EventHub: appends events to streams and reads them back over the
 * hub's HTTP API. Build one with {@link #builder()}, share it between threads, and close it when
 * the application stops.
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
