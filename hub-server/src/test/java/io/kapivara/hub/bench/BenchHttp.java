package io.kapivara.hub.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator's side of HTTP: Apache HttpClient's blocking client over HTTP/1.1 to
 * 127.0.0.1, one pooled kept-alive connection per concurrent caller, called from virtual threads.
 * Bodies are written as text (no mapper on the sending path) and answers parsed only where a figure
 * needs them.
 *
 * <p>Server, database and load generator share the machine, so the load generator's CPU per
 * request counts against the hub's figures; this client costs several times less per request than
 * the JDK's asynchronous one (see docs/performance.md), much as the JDBC side's driver is lean.
 */
final class BenchHttp implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int MAX_RETRIES = 5;
    private static final int MAX_CONNECTIONS = 4_096;
    private static final AtomicLong RETRIED = new AtomicLong();

    private final CloseableHttpClient client;
    private final String base;

    BenchHttp(int port) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).build())
                        .build())
                // The hub neither compresses nor redirects nor sets cookies: nothing to pay for.
                .disableContentCompression().disableRedirectHandling().disableCookieManagement()
                .disableAuthCaching().disableAutomaticRetries()
                .build();
        this.base = "http://127.0.0.1:" + port;
    }

    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        Answer expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            throw new IllegalStateException("The hub answered " + status + ": " + body);
        }
    }

    Answer get(String path) {
        return send(new HttpGet(base + path), Duration.ofSeconds(60));
    }

    Answer get(String path, Duration timeout) {
        return send(new HttpGet(base + path), timeout);
    }

    Answer post(String path, String json) {
        return send(withBody(new HttpPost(base + path), json), Duration.ofSeconds(60));
    }

    Answer put(String path, String json) {
        return send(withBody(new HttpPut(base + path), json), Duration.ofSeconds(60));
    }

    Answer delete(String path) {
        return send(new HttpDelete(base + path), Duration.ofSeconds(60));
    }

    private static HttpUriRequestBase withBody(HttpUriRequestBase request, String json) {
        request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return request;
    }

    /**
     * Sends again, as a client of the hub should, when the hub answers 503 (unavailable: a passing
     * database fault, e.g. a deadlock victim) or when a kept-alive connection turns out closed by
     * the server before it answered (a race at the server's keep-alive timeout). Sending an append
     * again is safe: it carries its event ids, so one stored after all answers as a replay.
     */
    private Answer send(HttpUriRequestBase request, Duration timeout) {
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build());
        try {
            Answer answer = sendOnce(request);
            for (int retry = 1; answer.status() == 503 && retry <= MAX_RETRIES; retry++) {
                RETRIED.incrementAndGet();
                Thread.sleep(20L * retry);
                answer = sendOnce(request);
            }
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException("Request to the hub failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the hub", e);
        }
    }

    private Answer sendOnce(HttpUriRequestBase request) throws IOException {
        for (int retry = 1; ; retry++) {
            try {
                return client.execute(request, response -> new Answer(response.getCode(),
                        response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                                StandardCharsets.UTF_8)));
            } catch (IOException closed) {
                if (retry > MAX_RETRIES) {
                    throw closed;
                }
                RETRIED.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }

    /** Requests sent again after a 503 or a connection closed under them, over the whole run. */
    static long retried() {
        return RETRIED.get();
    }

    // The hub's calls, by name.

    /** Appends events given as JSON object texts; {@code expected} is a JSON value or null for any. */
    Answer append(String stream, @Nullable String expected, String eventsJson) {
        String body = expected == null
                ? "{\"events\": [" + eventsJson + "]}"
                : "{\"expectedVersion\": " + expected + ", \"events\": [" + eventsJson + "]}";
        return post("/api/streams/" + path(stream), body);
    }

    void createOwner(String owner, String startFrom) {
        put("/api/owners/" + path(owner), "{\"startFrom\": \"" + startFrom + "\"}").expect(200, 201);
    }

    JsonNode subscribe(String owner, String key) {
        return post("/api/owners/" + path(owner) + "/subscriptions", "{\"key\": \"" + key + "\"}").expect(200, 201)
                .json();
    }

    Answer heartbeat(String owner, String key) {
        return post("/api/owners/" + path(owner) + "/subscriptions/" + path(key) + "/heartbeat", "");
    }

    void leave(String owner, String key) {
        delete("/api/owners/" + path(owner) + "/subscriptions/" + path(key));
    }

    Answer fetch(String owner, String key, int limit, long waitMs, @Nullable String cursor) {
        return fetch(owner, key, limit, waitMs, 0, cursor);
    }

    Answer fetch(String owner, String key, int limit, long waitMs, long lingerMs, @Nullable String cursor) {
        return get("/api/owners/" + path(owner) + "/subscriptions/" + path(key) + "/events?limit=" + limit
                + "&waitMs=" + waitMs + (lingerMs > 0 ? "&lingerMs=" + lingerMs : "")
                + (cursor == null ? "" : "&cursor=" + path(cursor)),
                Duration.ofMillis(waitMs + 60_000));
    }

    Answer commit(String owner, String key, String positionsJson) {
        return post("/api/owners/" + path(owner) + "/subscriptions/" + path(key) + "/commits", positionsJson);
    }

    /** One value of a Micrometer meter at /actuator/metrics, e.g. {@code jvm.memory.used} with {@code area:heap}. */
    double metric(String name, String... tags) {
        StringBuilder query = new StringBuilder("/actuator/metrics/" + name);
        for (int i = 0; i < tags.length; i++) {
            query.append(i == 0 ? '?' : '&').append("tag=").append(path(tags[i]));
        }
        return get(query.toString()).expect(200).json().path("measurements").get(0).path("value").asDouble();
    }

    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A version 7 UUID (time first), as the hub's clients make event ids. */
    static UUID eventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** The benchmark's event payload: an order of about 150 bytes, as the JSON text of an event. */
    static String event(UUID id, String type, String data) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"data\": " + data + "}";
    }

    /** The data of an order event; the same shape the JDBC baseline and the fill store. */
    static String orderData(long n) {
        return "{\"orderId\": \"o-" + n + "\", \"customer\": \"c-" + (n % 1000) + "\", \"amount\": " + (n % 10_000)
                + ", \"currency\": \"EUR\", \"lines\": [{\"sku\": \"A-" + (n % 50) + "\", \"qty\": 2}]}";
    }
}
