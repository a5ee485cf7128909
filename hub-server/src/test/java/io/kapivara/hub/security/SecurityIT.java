package io.kapivara.hub.security;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/** Every role boundary of the API, with tokens configured. */
@HubServerTest
@DirtiesContext
@TestPropertySource(properties = "hub.security.tokens-text="
        + "producer:producer:producer-secret-0001,consumer:consumer:consumer-secret-0001,"
        + "operator:operator:operator-secret-0001,viewer:viewer:viewer-secret-00001")
class SecurityIT {

    private static final String PRODUCER = "producer-secret-0001";
    private static final String CONSUMER = "consumer-secret-0001";
    private static final String OPERATOR = "operator-secret-0001";
    private static final String VIEWER = "viewer-secret-00001";
    private static final String OWNER = uniqueOwner();
    private static final String STREAM = uniqueStream("secured");

    @LocalServerPort
    int port;

    HubHttp http;

    @BeforeEach
    void seed() {
        http = new HubHttp(port);
        call("POST", "/api/streams/" + path(STREAM), PRODUCER, "{\"events\": [{\"type\": \"a\", \"data\": 1}]}");
        call("POST", "/api/owners/" + OWNER + "/subscriptions", CONSUMER, "{\"key\": \"k\"}");
    }

    private HubHttp.Response call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request);
    }

    /** method, path, body, the one role allowed (besides none), and the roles refused. */
    static Stream<Arguments> boundaries() {
        String owner = "/api/owners/" + OWNER;
        String append = "{\"events\": [{\"type\": \"a\", \"data\": 1}]}";
        String commit = "[{\"bucket\": 0, \"offset\": 0, \"epoch\": 1}]";
        String[] allButProducer = {CONSUMER, OPERATOR, VIEWER};
        String[] allButConsumer = {PRODUCER, OPERATOR, VIEWER};
        String[] allButOperator = {PRODUCER, CONSUMER, VIEWER};
        return Stream.of(
                Arguments.of("POST", "/api/streams/" + STREAM, append, PRODUCER, allButProducer),
                Arguments.of("POST", "/api/ingest/cloudevents", "{}", PRODUCER, allButProducer),
                Arguments.of("POST", owner + "/subscriptions", "{\"key\": \"k2\"}", CONSUMER, allButConsumer),
                Arguments.of("POST", owner + "/subscriptions/k/heartbeat", "", CONSUMER, allButConsumer),
                Arguments.of("GET", owner + "/subscriptions/k/events", null, CONSUMER, allButConsumer),
                Arguments.of("POST", owner + "/subscriptions/k/commits", commit, CONSUMER, allButConsumer),
                Arguments.of("POST", owner + "/buckets/0/release", "", OPERATOR, allButOperator),
                Arguments.of("POST", owner + "/buckets/0/seek", "{\"to\": \"earliest\"}", OPERATOR, allButOperator),
                Arguments.of("POST", owner + "/pause", "", OPERATOR, allButOperator),
                Arguments.of("DELETE", owner + "/subscriptions/nobody?evict=true", null, OPERATOR, allButOperator),
                Arguments.of("GET", "/api/streams/" + STREAM, null, VIEWER, new String[] {PRODUCER, CONSUMER}),
                Arguments.of("GET", "/api/events", null, VIEWER, new String[] {PRODUCER, CONSUMER}),
                Arguments.of("GET", owner, null, VIEWER, new String[] {PRODUCER, CONSUMER}),
                Arguments.of("GET", "/api/audit", null, OPERATOR, new String[] {PRODUCER, CONSUMER}),
                Arguments.of("GET", "/actuator/prometheus", null, VIEWER, new String[] {PRODUCER, CONSUMER}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("boundaries")
    void allowsOnlyTheRolesThatMayAndRefusesTheRest(String method, String path, String body, String allowed,
            String[] refused) {
        HubHttp.Response anonymous = call(method, path, null, body);
        HubHttp.Response wrongSecret = call(method, path, "not-a-configured-token-at-all", body);
        HubHttp.Response permitted = call(method, path, allowed, body);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.problem()).isEqualTo("unauthorized");
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(permitted.status()).as(permitted.body()).isNotIn(401, 403);
        for (String token : refused) {
            HubHttp.Response refusal = call(method, path, token, body);
            assertThat(refusal.status()).as("%s %s with %s", method, path, token).isEqualTo(403);
            assertThat(refusal.problem()).isEqualTo("forbidden");
        }
    }

    @Test
    void writesTheTokenNameOfTheOperatorToTheAuditLog() {
        call("POST", "/api/owners/" + OWNER + "/resume", OPERATOR, "");

        HubHttp.Response audit = call("GET", "/api/audit?owner=" + OWNER + "&limit=1", VIEWER, null);

        assertThat(audit.json().path("entries").get(0).path("actor").asString()).isEqualTo("operator");
    }

    @Test
    void keepsHealthOpenForProbes() {
        assertThat(call("GET", "/actuator/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void asksTheDashboardVisitorToLogIn() {
        HubHttp.Response page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")));

        assertThat(page.status()).isIn(302, 401, 200);
        if (page.status() == 302) {
            assertThat(page.raw().headers().firstValue("Location").orElse("")).contains("/login");
        } else {
            assertThat(page.body()).containsIgnoringCase("login");
        }
    }
}
