package io.kapivara.hub.app;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/**
 * Query parameters and path variables are read as written, and refused with the rule when they
 * are not; the methods an endpoint answers are the ones it serves.
 */
@HubServerTest
class QueryParametersIT {

    private static final List<String> NOT_DECIMAL = List.of("0x10", "#10", "+5", "１０", " 10", "10 ", "1e2", "1_0",
            "٣");

    @LocalServerPort
    int port;

    HubHttp http;
    BusCalls bus;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
        bus = new BusCalls(port);
    }

    /** Every whole number parameter and path variable, with the rest of its request. */
    static Stream<Arguments> wholeNumbers() {
        return Stream.of(
                Arguments.of("/api/events?limit=%s", "limit"),
                Arguments.of("/api/events?after=%s", "after"),
                Arguments.of("/api/streams/order-1?from=%s", "from"),
                Arguments.of("/api/streams/order-1?limit=%s", "limit"),
                Arguments.of("/api/buckets/0/events?from=%s", "from"),
                Arguments.of("/api/buckets/0/events?limit=%s", "limit"),
                Arguments.of("/api/buckets/%s/events", "bucket"),
                Arguments.of("/api/owners/billing/buckets/%s", "bucket"),
                Arguments.of("/api/owners/billing/streams/order-1/events?limit=%s", "limit"),
                Arguments.of("/api/owners/billing/subscriptions/k/events?limit=%s", "limit"),
                Arguments.of("/api/owners/billing/subscriptions/k/events?waitMs=%s", "waitMs"),
                Arguments.of("/api/audit?before=%s", "before"),
                Arguments.of("/api/audit?limit=%s", "limit"));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("wholeNumbers")
    void refusesWholeNumbersNotWrittenInDecimalDigits(String template, String field) {
        for (String sent : NOT_DECIMAL) {
            String encoded = template.contains("?") ? query(sent) : path(sent);

            HubHttp.Response response = http.get(template.formatted(encoded));

            assertThat(response.status()).as(sent).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            JsonNode problem = response.json();
            assertThat(response.problem()).isEqualTo("invalid-request");
            assertThat(problem.path("field").asString()).isEqualTo(field);
            assertThat(problem.path("value").asString()).isEqualTo(sent);
            assertThat(problem.path("rule").asString())
                    .isEqualTo(field + " is a whole number written in decimal digits");
        }
    }

    @Test
    void readsLeadingZerosAsDecimalNotOctal() {
        String stream = uniqueStream("zeros");
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            events.append(i == 0 ? "" : ",").append("{\"type\": \"n\", \"data\": %d}".formatted(i));
        }
        http.post("/api/streams/" + path(stream), "{\"events\": [" + events + "]}");

        JsonNode page = http.get("/api/streams/" + path(stream) + "?limit=010&from=-0").json();

        assertThat(page.path("events").size()).isEqualTo(10);
        assertThat(page.path("events").get(0).path("version").asLong()).isZero();
    }

    @Test
    void leavesNegativeNumbersToTheRangeRules() {
        JsonNode limit = http.get("/api/events?limit=-5").json();
        JsonNode from = http.get("/api/buckets/0/events?from=-1").json();

        assertThat(limit.path("field").asString()).isEqualTo("limit");
        assertThat(limit.path("rule").asString()).isEqualTo("A limit is 1 to 1000");
        assertThat(from.path("rule").asString()).isEqualTo("A bucket's offsets start at 1");
        assertThat(from.path("value").asString()).isEqualTo("-1");
    }

    @Test
    void refusesNumbersBeyondTheirTypeWithTheRange() {
        HubHttp.Response after = http.get("/api/events?after=99999999999999999999");
        HubHttp.Response limit = http.get("/api/events?limit=2147483648");

        assertThat(after.status()).isEqualTo(400);
        assertThat(after.json().path("rule").asString())
                .isEqualTo("after is a whole number from -9223372036854775808 to 9223372036854775807");
        assertThat(after.json().path("value").asString()).isEqualTo("99999999999999999999");
        assertThat(limit.json().path("rule").asString())
                .isEqualTo("limit is a whole number from -2147483648 to 2147483647");
    }

    @Test
    void takesAnEmptyValueAsLeftOut() {
        HubHttp.Response events = http.get("/api/events?limit=&after=");
        HubHttp.Response audit = http.get("/api/audit?before=&limit=1");

        assertThat(events.status()).isEqualTo(200);
        assertThat(audit.status()).isEqualTo(200);
    }

    @Test
    void refusesAnyParameterGivenTwice() {
        HubHttp.Response number = http.get("/api/events?limit=5&limit=7");
        HubHttp.Response text = http.get("/api/audit?owner=x&owner=");
        HubHttp.Response direction = http.get("/api/streams/any?direction=backward&direction=backward");

        assertThat(number.status()).isEqualTo(400);
        assertThat(number.json().path("field").asString()).isEqualTo("limit");
        assertThat(number.json().path("value").asString()).isEqualTo("5,7");
        assertThat(number.json().path("rule").asString()).isEqualTo("A query parameter is given once");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().path("field").asString()).isEqualTo("owner");
        assertThat(text.json().path("value").asString()).isEqualTo("x,");
        assertThat(direction.status()).isEqualTo(400);
        assertThat(direction.json().path("field").asString()).isEqualTo("direction");
        HubHttp.Response tail = http.get("/ws/tail?bucket=1&bucket=2");
        assertThat(tail.status()).isEqualTo(400);
        assertThat(tail.json().path("field").asString()).isEqualTo("bucket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "on", "1", "TRUE", " true"})
    void refusesAnEvictionFlagOtherThanTrueOrFalse(String sent) {
        String owner = uniqueOwner();
        bus.subscribe(owner, "k");

        HubHttp.Response response = send("DELETE", "/api/owners/" + owner + "/subscriptions/k?evict=" + query(sent));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("evict");
        assertThat(response.json().path("value").asString()).isEqualTo(sent);
        assertThat(response.json().path("rule").asString()).isEqualTo("evict is true or false");
        assertThat(bus.heartbeat(owner, "k").status()).isEqualTo(200);
    }

    @Test
    void refusesANegativeAuditPositionAsTheOtherReadsDo() {
        HubHttp.Response negative = http.get("/api/audit?before=-1");
        HubHttp.Response zero = http.get("/api/audit?before=0");

        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.problem()).isEqualTo("invalid-request");
        assertThat(negative.json().path("field").asString()).isEqualTo("before");
        assertThat(negative.json().path("value").asString()).isEqualTo("-1");
        assertThat(negative.json().path("rule").asString()).isEqualTo("An audit entry id is 0 or more");
        assertThat(zero.status()).isEqualTo(200);
        assertThat(zero.json().path("entries").size()).isZero();
    }

    @Test
    void answersTraceWithTheRequestPathAndTheMethodsTheEndpointServes() {
        String stream = "/api/streams/" + path(uniqueStream("trace"));

        HubHttp.Response onStream = send("TRACE", stream);
        HubHttp.Response onEvents = send("TRACE", "/api/events?limit=1");
        HubHttp.Response onOwner = send("TRACE", "/api/owners/" + uniqueOwner());

        assertThat(onStream.status()).isEqualTo(405);
        assertThat(onStream.problem()).isEqualTo("method-not-allowed");
        assertThat(onStream.json().path("instance").asString()).isEqualTo(stream);
        assertThat(allow(onStream)).containsExactlyInAnyOrder("GET", "POST");
        assertThat(onEvents.json().path("instance").asString()).isEqualTo("/api/events");
        assertThat(allow(onEvents)).containsExactly("GET");
        assertThat(allow(onOwner)).containsExactlyInAnyOrder("GET", "PUT");
    }

    @Test
    void listsOnlyServedMethodsForOptions() {
        HubHttp.Response stream = send("OPTIONS", "/api/streams/" + path(uniqueStream("options")));
        HubHttp.Response audit = send("OPTIONS", "/api/audit");

        assertThat(stream.status()).isEqualTo(200);
        assertThat(allow(stream)).containsExactlyInAnyOrder("GET", "HEAD", "POST", "OPTIONS");
        assertThat(allow(audit)).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
    }

    @Test
    void treatsTheErrorPageAsNoEndpoint() {
        HubHttp.Response get = http.get("/error");
        HubHttp.Response options = send("OPTIONS", "/error");

        assertThat(get.status()).isEqualTo(404);
        assertThat(get.problem()).isEqualTo("not-found");
        assertThat(options.status()).isEqualTo(404);
        assertThat(options.raw().headers().firstValue("Allow")).isEmpty();
    }

    private HubHttp.Response send(String method, String path) {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static Set<String> allow(HubHttp.Response response) {
        String header = response.raw().headers().firstValue("Allow").orElse("");
        return Arrays.stream(header.split(",")).map(String::strip).filter(method -> !method.isEmpty())
                .collect(Collectors.toSet());
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
