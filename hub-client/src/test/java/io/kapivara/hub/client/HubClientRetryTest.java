package io.kapivara.hub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.client.model.EventData;
import io.kapivara.hub.client.model.EventPage;

/**
 * The client's retry logic, against a stand-in HTTP server that misbehaves on purpose. The calls
 * themselves are checked against a real hub in hub-server's HubClientStoreIT.
 */
class HubClientRetryTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 2.0);

    private final Queue<Recorded> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;
    private volatile Behaviour behaviour = (attempt, exchange) -> answer(exchange, 500, "");

    private record Recorded(String method, String path, @Nullable String authorization, String body) {
    }

    @FunctionalInterface
    private interface Behaviour {
        void serve(int attempt, HttpExchange exchange) throws Exception;
    }

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"), body));
                behaviour.serve(calls.incrementAndGet(), exchange);
            } catch (Exception e) {
                // The client may have given up on this exchange already; nothing to answer.
            }
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
        threads.shutdownNow();
    }

    private HubClient client(Duration requestTimeout, RetryPolicy policy) {
        return HubClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(requestTimeout)
                .retryPolicy(policy)
                .apiToken("secret-token")
                .build();
    }

    private static List<EventData> eventsWithoutIds(int count) {
        List<EventData> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(new EventData(null, "thing.happened", JsonNodeFactory.instance.numberNode(i), null));
        }
        return events;
    }

    private static List<UUID> idsOf(String appendBody) {
        List<UUID> ids = new ArrayList<>();
        MAPPER.readTree(appendBody).path("events")
                .forEach(event -> ids.add(UUID.fromString(event.path("id").asString())));
        return ids;
    }

    /** Answers an append the way the hub would, echoing the ids it was sent. */
    private static void stored(HttpExchange exchange, int status, String requestBody) throws IOException {
        JsonNode request = MAPPER.readTree(requestBody);
        StringBuilder positions = new StringBuilder();
        int version = 0;
        for (JsonNode event : request.path("events")) {
            positions.append(version == 0 ? "" : ",").append("""
                    {"id": "%s", "version": %d, "globalPosition": %d, "offset": %d}"""
                    .formatted(event.path("id").asString(), version, version + 1, version + 1));
            version++;
        }
        answer(exchange, status, """
                {"stream": "s", "bucket": 1, "version": %d, "replay": %s, "events": [%s]}"""
                .formatted(version - 1, status == 200, positions));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        answer(exchange, status, json, null);
    }

    private static void answer(HttpExchange exchange, int status, String json, @Nullable String retryAfter)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static final String UNAVAILABLE = """
            {"type": "urn:kapivara:hub:problem:unavailable", "status": 503,
             "detail": "The database is out of reach"}""";

    @Test
    void repeatsAnAppendThatTimedOutWithTheSameEventIds() throws Exception {
        // given a hub that stores the first attempt but answers too late, then replays the second
        behaviour = (attempt, exchange) -> {
            if (attempt == 1) {
                Thread.sleep(1_500);
            }
            stored(exchange, attempt == 1 ? 201 : 200, requests.stream().toList().get(attempt - 1).body());
        };

        // when
        AppendResponse response;
        try (HubClient client = client(Duration.ofMillis(300), QUICK)) {
            response = client.append("s", eventsWithoutIds(3));
        }

        // then
        List<Recorded> sent = List.copyOf(requests);
        assertThat(sent).hasSize(2);
        List<UUID> firstIds = idsOf(sent.get(0).body());
        assertThat(firstIds).hasSize(3).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(idsOf(sent.get(1).body())).isEqualTo(firstIds);
        assertThat(response.replay()).isTrue();
        assertThat(response.events()).extracting(AppendResponse.Position::id).isEqualTo(firstIds);
    }

    @Test
    void givesNewIdsToEachAppendButKeepsTheCallersOwn() {
        // given
        behaviour = (attempt, exchange) -> stored(exchange, 201, requests.stream().toList().get(attempt - 1).body());
        UUID own = UUID.randomUUID();
        List<EventData> events = List.of(new EventData(own, "a", JsonNodeFactory.instance.nullNode(), null),
                new EventData(null, "b", JsonNodeFactory.instance.nullNode(), null));

        // when
        try (HubClient client = client(Duration.ofSeconds(5), QUICK)) {
            client.append("s", events);
            client.append("s", events);
        }

        // then
        List<Recorded> sent = List.copyOf(requests);
        List<UUID> first = idsOf(sent.get(0).body());
        List<UUID> second = idsOf(sent.get(1).body());
        assertThat(first.get(0)).isEqualTo(own);
        assertThat(second.get(0)).isEqualTo(own);
        assertThat(first.get(1)).isNotEqualTo(second.get(1));
        assertThat(first.get(1).version()).isEqualTo(7);
    }

    @Test
    void repeatsUnavailableAnswersUntilTheHubServes() {
        // given
        behaviour = (attempt, exchange) -> {
            if (attempt < 3) {
                answer(exchange, 503, UNAVAILABLE, "0");
            } else {
                stored(exchange, 201, requests.stream().toList().get(attempt - 1).body());
            }
        };

        // when
        AppendResponse response;
        try (HubClient client = client(Duration.ofSeconds(5), QUICK)) {
            response = client.append("s", eventsWithoutIds(1));
        }

        // then
        assertThat(requests).hasSize(3);
        assertThat(response.replay()).isFalse();
        assertThat(requests).extracting(Recorded::body).map(HubClientRetryTest::idsOf).containsOnly(
                idsOf(requests.peek().body()));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheTransientFailure() {
        // given
        behaviour = (attempt, exchange) -> answer(exchange, 503, UNAVAILABLE, "0");

        // when / then
        try (HubClient client = client(Duration.ofSeconds(5), QUICK)) {
            assertThatThrownBy(() -> client.append("s", eventsWithoutIds(1)))
                    .isInstanceOfSatisfying(HubTransientException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.status()).hasValue(503);
                        assertThat(e.getMessage()).contains("The database is out of reach", "3 attempts");
                    });
        }
        assertThat(requests).hasSize(3);
    }

    @Test
    void neverRepeatsARefusal() {
        // given
        behaviour = (attempt, exchange) -> answer(exchange, 409, """
                {"type": "urn:kapivara:hub:problem:wrong-expected-version", "status": 409, "detail": "No",
                 "stream": "s", "expected": "no_stream", "actual": 4}""");

        // when / then
        try (HubClient client = client(Duration.ofSeconds(5), QUICK)) {
            assertThatThrownBy(() -> client.append("s", eventsWithoutIds(1)))
                    .isInstanceOfSatisfying(WrongExpectedVersionException.class,
                            e -> assertThat(e.actual()).isEqualTo(4));
        }
        assertThat(requests).hasSize(1);
    }

    @Test
    void repeatsReadsThatMetABadGateway() {
        // given
        behaviour = (attempt, exchange) -> {
            if (attempt == 1) {
                answer(exchange, 502, "<html>Bad gateway</html>");
            } else {
                answer(exchange, 200, "{\"events\": [], \"next\": 9}");
            }
        };

        // when
        EventPage page;
        try (HubClient client = client(Duration.ofSeconds(5), QUICK)) {
            page = client.readAll(ReadAllOptions.defaults().after(9));
        }

        // then
        assertThat(page.next()).isEqualTo(9);
        assertThat(requests).hasSize(2).extracting(Recorded::method).containsOnly("GET");
    }

    @Test
    void sendsTheApiTokenAsABearerTokenAndTheStreamAsOneEncodedSegment() {
        // given
        behaviour = (attempt, exchange) -> stored(exchange, 201, requests.stream().toList().get(attempt - 1).body());

        // when
        try (HubClient client = client(Duration.ofSeconds(5), QUICK)) {
            client.append("octo/repo 🦫", eventsWithoutIds(1));
        }

        // then
        Recorded sent = requests.peek();
        assertThat(sent.authorization()).isEqualTo("Bearer secret-token");
        assertThat(sent.path()).isEqualTo("/api/streams/octo%2Frepo%20%F0%9F%A6%AB");
    }

    @Test
    void failsAsTransientWhenNothingListens() throws IOException {
        // given a port that was free a moment ago
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        // when / then
        try (HubClient client = HubClient.builder().baseUrl("http://127.0.0.1:" + closedPort)
                .retryPolicy(QUICK.withMaxAttempts(2)).build()) {
            assertThatThrownBy(() -> client.readAll())
                    .isInstanceOfSatisfying(HubTransientException.class, e -> {
                        assertThat(e.status()).isEmpty();
                        assertThat(e.attempts()).isEqualTo(2);
                    });
        }
    }

    @Test
    void refusesCallsOnceClosed() {
        HubClient client = client(Duration.ofSeconds(5), QUICK);
        client.close();

        assertThatThrownBy(() -> client.readAll()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(requests).isEmpty();
    }
}
