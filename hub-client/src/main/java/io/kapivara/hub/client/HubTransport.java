package io.kapivara.hub.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests to the hub and reads their answers: JSON in and out, the bearer token, the
 * timeouts, repeating transient failures as the retry policy says, and turning error answers into
 * typed exceptions. Every call of every feature goes through here.
 */
final class HubTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubTransport.class);

    private static final String JSON = "application/json";

    private final HttpClient http;
    private final String baseUrl;
    private final Duration requestTimeout;
    private final @Nullable String authorization;
    private final RetryPolicy retryPolicy;
    private final JsonMapper mapper;
    private final Problems problems;
    private volatile boolean closed;

    HubTransport(HttpClient http, URI baseUrl, Duration requestTimeout, @Nullable String apiToken,
            RetryPolicy retryPolicy, JsonMapper mapper) {
        this.http = http;
        this.baseUrl = withoutTrailingSlash(baseUrl.toString());
        this.requestTimeout = requestTimeout;
        this.authorization = apiToken == null ? null : "Bearer " + apiToken;
        this.retryPolicy = retryPolicy;
        this.mapper = mapper;
        this.problems = new Problems(mapper);
    }

    /** GETs {@code path} and reads the answer as {@code answer}. */
    <T> T get(ApiPath path, Class<T> answer) {
        return read(new Request("GET", path, null, requestTimeout, true), answer);
    }

    /**
     * GETs {@code path}, waiting {@code longer} more than the request timeout for the answer: for a
     * call that the hub holds open on purpose, such as a long-polling fetch.
     */
    <T> T get(ApiPath path, Class<T> answer, Duration longer) {
        return read(new Request("GET", path, null, requestTimeout.plus(longer), true), answer);
    }

    /** POSTs {@code body} as JSON to {@code path} and reads the answer as {@code answer}. */
    <T> T post(ApiPath path, Object body, Class<T> answer) {
        return read(new Request("POST", path, json(body), requestTimeout, true), answer);
    }

    /** PUTs {@code body} as JSON to {@code path} and reads the answer as {@code answer}, with its status. */
    <T> Answer<T> put(ApiPath path, Object body, Class<T> answer) {
        Request request = new Request("PUT", path, json(body), requestTimeout, true);
        HttpResponse<byte[]> response = send(request);
        return new Answer<>(response.statusCode(), body(request, response, answer));
    }

    /** A success answer's status and body. */
    record Answer<T>(int status, T body) {
    }

    /** POSTs {@code body} as JSON to {@code path}, expecting an answer without a body. */
    void post(ApiPath path, Object body) {
        send(new Request("POST", path, json(body), requestTimeout, true));
    }

    /**
     * POSTs {@code body} (none when null) to {@code path} and reads the answer, repeating a transient
     * failure only when the hub surely did not act on the request: for a call that must not be
     * applied twice.
     */
    <T> T postOnce(ApiPath path, @Nullable Object body, Class<T> answer) {
        return read(new Request("POST", path, body == null ? null : json(body), requestTimeout, false), answer);
    }

    /** DELETEs {@code path}, repeating a transient failure only when the hub surely did not act on it. */
    void deleteOnce(ApiPath path) {
        send(new Request("DELETE", path, null, requestTimeout, false));
    }

    private byte[] json(Object body) {
        return mapper.writeValueAsBytes(body);
    }

    /**
     * One call as it is sent.
     *
     * @param repeatable whether a transient failure may be repeated even when the request may have
     *                   reached the hub
     */
    private record Request(String method, ApiPath path, byte @Nullable [] body, Duration timeout,
            boolean repeatable) {

        String describe() {
            return method + " " + path;
        }
    }

    private <T> T read(Request request, Class<T> answer) {
        return body(request, send(request), answer);
    }

    private <T> T body(Request request, HttpResponse<byte[]> response, Class<T> answer) {
        try {
            return mapper.readValue(response.body(), answer);
        } catch (JacksonException e) {
            throw new UnexpectedResponseException(request.describe(), response.statusCode(), e);
        }
    }

    private HttpResponse<byte[]> send(Request request) {
        if (closed) {
            throw new IllegalStateException("A closed hub client sends nothing: " + request.describe());
        }
        return sendWithRetries(request, httpRequest(request));
    }

    private HttpRequest httpRequest(Request request) {
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path()))
                .timeout(request.timeout())
                .header("Accept", JSON)
                .method(request.method(), body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            builder.header("Content-Type", JSON);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private HttpResponse<byte[]> sendWithRetries(Request request, HttpRequest httpRequest) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sendOnce(request.describe(), httpRequest, request.timeout());
            } catch (HubTransientException e) {
                // A call that must not be applied twice is repeated only when the hub surely did not act on it.
                if (attempt >= retryPolicy.maxAttempts() || !request.repeatable() && !e.unsent()) {
                    throw e.afterAttempts(attempt);
                }
                pause(request.describe(), attempt, e);
            }
        }
    }

    private HttpResponse<byte[]> sendOnce(String request, HttpRequest httpRequest, Duration timeout) {
        HttpResponse<byte[]> response = exchange(request, httpRequest, timeout);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw problems.toException(request, status, response.headers().firstValue("Retry-After").orElse(null),
                response.body());
    }

    private HttpResponse<byte[]> exchange(String request, HttpRequest httpRequest, Duration timeout) {
        try {
            return http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw HubTransientException.unsent("The hub did not accept a connection for %s within %d ms: %s"
                    .formatted(request, http.connectTimeout().map(Duration::toMillis).orElse(0L), baseUrl), e);
        } catch (HttpTimeoutException e) {
            throw new HubTransientException("The hub did not answer %s within %d ms"
                    .formatted(request, timeout.toMillis()), null, null, e);
        } catch (ConnectException e) {
            throw HubTransientException.unsent("The hub refused a connection for %s at %s: %s"
                    .formatted(request, baseUrl, e), e);
        } catch (IOException e) {
            throw new HubTransientException("The hub could not be reached for %s at %s: %s"
                    .formatted(request, baseUrl, e), null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubInterruptedException(request, e);
        }
    }

    private void pause(String request, int attempt, HubTransientException failure) {
        Duration wait = waitAfter(attempt, failure);
        log.warn("Request [{}] attempt [{}] of [{}] failed, repeating in [{}] ms: {}", request, attempt,
                retryPolicy.maxAttempts(), wait.toMillis(), failure.getMessage());
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubInterruptedException(request, e);
        }
    }

    /** The backoff with up to half of it left out at random, but never less than the hub asked for. */
    private Duration waitAfter(int attempt, HubTransientException failure) {
        Duration backoff = retryPolicy.backoff(attempt);
        long jittered = backoff.toMillis() - ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1);
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        Duration floor = asked.compareTo(retryPolicy.maxBackoff()) > 0 ? retryPolicy.maxBackoff() : asked;
        return Duration.ofMillis(Math.max(jittered, floor.toMillis()));
    }

    @Override
    public void close() {
        closed = true;
        http.close();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
