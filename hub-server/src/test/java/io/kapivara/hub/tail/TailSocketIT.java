package io.kapivara.hub.tail;

import static io.kapivara.hub.testing.HubHttp.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/** The WebSocket /ws/tail with a plain client that reads only when told to. */
@HubServerTest
class TailSocketIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    /** Collects whole frames; reads the next one only while {@code reading}. */
    private static final class Client implements WebSocket.Listener {

        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        volatile boolean reading = true;

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            if (reading || !last) {
                socket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            closed.complete(status + " " + reason);
            return null;
        }

        long events() {
            return frames.stream().filter(frame -> frame.path("kind").asString().equals("event")).count();
        }

        long skipped() {
            return frames.stream().filter(frame -> frame.path("kind").asString().equals("skipped"))
                    .mapToLong(frame -> frame.path("count").asLong()).sum();
        }
    }

    private WebSocket connect(Client client, String query) {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/tail" + query), client)
                .join();
    }

    private void append(HubHttp http, String stream, int events) {
        String data = "{\"padding\": \"" + "p".repeat(400) + "\"}";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < events; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\": \"tail.load\", \"data\": ").append(data).append('}');
        }
        assertThat(http.post("/api/streams/" + path(stream), "{\"events\": [" + body + "]}").status()).isEqualTo(201);
    }

    @Test
    void dropsAndCountsWhatAStalledClientCannotTakeAndLosesNothingSilently() {
        // given: a client that reads the ready frame, then stops reading
        HubHttp http = new HubHttp(port);
        String stream = "tail-load-" + UUID.randomUUID() + "-" + "s".repeat(100);
        Client client = new Client();
        client.reading = false;
        WebSocket socket = connect(client, "?stream=" + path(stream));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> client.frames.size() == 1);

        // when: far more arrives than the queue and the connection's buffers hold, then it reads again
        int total = 24_000;
        for (int batch = 0; batch < total / 1_000; batch++) {
            append(http, stream, 1_000);
        }
        client.reading = true;
        socket.request(1);

        // then: every event was either sent or counted as skipped, in order
        Awaitility.await().atMost(60, TimeUnit.SECONDS).until(() -> client.events() + client.skipped() == total);
        assertThat(client.skipped()).isPositive();
        List<Long> positions = client.frames.stream().filter(frame -> frame.path("kind").asString().equals("event"))
                .map(frame -> frame.path("globalPosition").asLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(client.frames.stream().filter(frame -> frame.path("kind").asString().equals("skipped")))
                .allSatisfy(frame -> assertThat(frame.path("reason").asString()).isEqualTo("slow"));
        assertThat(client.closed).isNotDone();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void closesWithTheRuleWhenTheFilterIsBad() {
        Client client = new Client();

        connect(client, "?bucket=abc");

        assertThat(client.closed).succeedsWithin(10, TimeUnit.SECONDS)
                .isEqualTo("1008 A bucket is a whole number, 0 to 15: bucket [abc]");
    }

    @Test
    void startsAfterTheLastEventAndSendsOnlyWhatTheFilterWants() {
        // given
        HubHttp http = new HubHttp(port);
        String wanted = HubHttp.uniqueStream("wanted");
        append(http, HubHttp.uniqueStream("before"), 1);
        Client client = new Client();
        connect(client, "?stream=" + path(wanted));
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> client.frames.size() == 1);

        // when
        append(http, HubHttp.uniqueStream("other"), 1);
        append(http, wanted, 2);

        // then
        Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> client.events() == 2);
        JsonNode ready = client.frames.getFirst();
        assertThat(ready.path("kind").asString()).isEqualTo("ready");
        assertThat(ready.path("filter").asString()).isEqualTo("stream " + wanted);
        assertThat(client.frames.subList(1, 3)).allSatisfy(frame -> {
            assertThat(frame.path("stream").asString()).isEqualTo(wanted);
            assertThat(frame.path("globalPosition").asLong()).isGreaterThan(ready.path("after").asLong());
            assertThat(frame.path("data").asString()).startsWith("{\"padding\": \"ppp").endsWith("…");
        });
    }
}
