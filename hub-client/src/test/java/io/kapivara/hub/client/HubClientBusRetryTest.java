package io.kapivara.hub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kapivara.hub.client.model.Commit;
import io.kapivara.hub.client.model.FetchResponse;

/**
 * Which bus calls the client repeats after a transient failure, against a stand-in HTTP server.
 * The calls themselves are checked against a real hub in hub-server's HubClientBusIT.
 */
class HubClientBusRetryTest {

    private static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 2.0);

    private static final String CHECKPOINT = """
            {"owner": "o", "bucket": 3, "checkpoint": 0, "head": 0, "lag": 0, "holder": null, "epoch": 2,
             "leaseExpiresAt": null, "pinned": false, "event": null}""";

    private static final String UNAVAILABLE = """
            {"type": "urn:kapivara:hub:problem:unavailable", "status": 503, "detail": "busy"}""";

    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;
    private volatile Behaviour behaviour = (attempt, exchange) -> answer(exchange, 204, "");

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
                exchange.getRequestBody().readAllBytes();
                requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
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

    private HubClient client(Duration requestTimeout) {
        return HubClient.builder()
                .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                .requestTimeout(requestTimeout)
                .retryPolicy(QUICK)
                .build();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Test
    void doesNotRepeatAnOperatorActionThatMayHaveBeenApplied() {
        // given a hub that acts but answers too late
        behaviour = (attempt, exchange) -> {
            Thread.sleep(1_000);
            answer(exchange, 200, CHECKPOINT);
        };

        // when / then
        try (HubClient client = client(Duration.ofMillis(200))) {
            assertThatThrownBy(() -> client.release("o", 3))
                    .isInstanceOfSatisfying(HubTransientException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.unsent()).isFalse();
                    });
        }
        assertThat(requests).containsExactly("POST /api/owners/o/buckets/3/release");
    }

    @Test
    void repeatsAnOperatorActionThatTheHubRefusedToServe() {
        // given
        behaviour = (attempt, exchange) -> answer(exchange, attempt == 1 ? 503 : 200,
                attempt == 1 ? UNAVAILABLE : CHECKPOINT);

        // when
        try (HubClient client = client(Duration.ofSeconds(5))) {
            assertThat(client.release("o", 3).epoch()).isEqualTo(2);
        }

        // then
        assertThat(requests).hasSize(2);
    }

    @Test
    void repeatsACommitThatTimedOutSinceRepeatingItIsHarmless() {
        // given
        behaviour = (attempt, exchange) -> {
            if (attempt == 1) {
                Thread.sleep(1_000);
            }
            answer(exchange, 204, "");
        };

        // when
        try (HubClient client = client(Duration.ofMillis(200))) {
            client.commit("o", "k", List.of(new Commit(1, 5, 2)));
        }

        // then
        assertThat(requests).containsExactly("POST /api/owners/o/subscriptions/k/commits",
                "POST /api/owners/o/subscriptions/k/commits");
    }

    @Test
    void waitsForALongPollLongerThanTheRequestTimeout() {
        // given a hub that holds the fetch open for its wait
        behaviour = (attempt, exchange) -> {
            Thread.sleep(600);
            answer(exchange, 200, """
                    {"events": [], "cursor": "abc", "positions": [], "paused": false}""");
        };

        // when
        FetchResponse response;
        try (HubClient client = client(Duration.ofMillis(300))) {
            response = client.fetch("o", "k", FetchOptions.defaults().maxWait(Duration.ofMillis(600)).cursor("x/y"));
        }

        // then
        assertThat(response.cursor()).isEqualTo("abc");
        assertThat(requests)
                .containsExactly("GET /api/owners/o/subscriptions/k/events?limit=100&waitMs=600&cursor=x%2Fy");
    }
}
