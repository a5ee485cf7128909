package io.kapivara.hub.reliability;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/**
 * Hostile and clumsy input at every endpoint: each answer is a 4xx problem detail, never a 500,
 * never a hang, and nothing is stored half.
 */
@HubServerTest
class HostileInputIT {

    private static final String OWNER = uniqueOwner();
    private static final String STREAM = uniqueStream("hostile");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    BusCalls bus;

    @BeforeEach
    void setUp() {
        bus = new BusCalls(port);
        bus.append(STREAM, "seed");
        bus.subscribe(OWNER, "k");
    }

    static Stream<Arguments> hostileRequests() {
        String owner = "/api/owners/" + OWNER;
        String stream = "/api/streams/" + STREAM;
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        return Stream.of(
                Arguments.of("POST", stream, "{\"events\": [{\"type\": \"a\", \"data\": " + nested + "}]}"),
                Arguments.of("POST", stream,
                        "{\"events\": [{\"type\": \"a\", \"data\": 1}], \"expectedVersion\": 1e400}"),
                Arguments.of("POST", stream,
                        "{\"events\": [{\"type\": \"a'; DROP TABLE events; --\", \"data\": 1, \"id\": 5}]}"),
                Arguments.of("POST", stream, "{\"events\": [{\"type\": \"a\", \"data\": 1" ),
                Arguments.of("POST", stream, "\u0000\u0001\u0002"),
                Arguments.of("POST", stream, "{\"events\": \"" + "x".repeat(10) + "\"}"),
                Arguments.of("POST", "/api/streams/" + path("a\u0000b"),
                        "{\"events\": [{\"type\": \"a\", \"data\": 1}]}"),
                Arguments.of("POST", "/api/streams/" + path("x".repeat(5_000)),
                        "{\"events\": [{\"type\": \"a\", \"data\": 1}]}"),
                Arguments.of("GET", stream + "?limit=99999999999999999999", null),
                Arguments.of("GET", stream + "?from=-9223372036854775808", null),
                Arguments.of("GET", stream + "?direction=%27%20OR%201=1", null),
                Arguments.of("GET", "/api/events?after=abc", null),
                Arguments.of("GET", "/api/events?type=" + path("' OR '1'='1") + "%00", null),
                Arguments.of("GET", "/api/events?category=" + "c".repeat(300), null),
                Arguments.of("GET", "/api/events/%27", null),
                Arguments.of("PUT", owner, "{\"startFrom\": 5}"),
                Arguments.of("PUT", owner, "{\"filter\": {\"types\": \"notalist\"}}"),
                Arguments.of("PUT", owner, "{\"filter\": {\"types\": [\"has space\"]}}"),
                Arguments.of("PUT", owner, "{\"filter\": {\"type\": [\"order.paid\"]}}"),
                Arguments.of("PUT", owner, "{\"startFrom\": \"latest\", \"startFrom\": \"earliest\"}"),
                Arguments.of("POST", owner + "/subscriptions", "{\"key\": \"a;b\", \"key\": \"ok\"}"),
                Arguments.of("POST", owner + "/subscriptions/k/commits",
                        "[{\"bucket\": 1, \"offset\": 0, \"epoch\": 5, \"bucket\": 2}]"),
                Arguments.of("POST", owner + "/buckets/0/seek", "{\"to\": 0, \"too\": 1}"),
                Arguments.of("PUT", "/api/owners/" + path("o\u202ewner"), "{}"),
                Arguments.of("POST", owner + "/subscriptions", "{\"key\": [1, 2]}"),
                Arguments.of("POST", owner + "/subscriptions", "{\"key\": \"" + "k".repeat(201) + "\"}"),
                Arguments.of("POST", owner + "/subscriptions", "{\"key\": \"a;b\"}"),
                Arguments.of("POST", owner + "/subscriptions", "{\"key\": \"a\\\\b\"}"),
                Arguments.of("POST", owner + "/subscriptions", "{\"key\": \"..\"}"),
                Arguments.of("GET", owner + "/subscriptions/k/events?limit=-1", null),
                Arguments.of("GET", owner + "/subscriptions/k/events?waitMs=9999999999999", null),
                Arguments.of("GET", owner + "/subscriptions/k/events?cursor=" + "A".repeat(3_000), null),
                Arguments.of("GET", owner + "/subscriptions/k/events?cursor=MTo5OTk5OTk5OTk5OTk5OTk5OTk5OTk6MQ", null),
                Arguments.of("POST", owner + "/subscriptions/k/commits", "{\"bucket\": 1}"),
                Arguments.of("POST", owner + "/subscriptions/k/commits",
                        "[{\"bucket\": 1e99, \"offset\": 1, \"epoch\": 1}]"),
                Arguments.of("POST", owner + "/subscriptions/k/commits",
                        "[{\"bucket\": 0, \"offset\": \"x\", \"epoch\": 1}]"),
                Arguments.of("POST", owner + "/subscriptions/k/commits",
                        "[{\"bucket\": 0, \"offset\": 1, \"epoch\": 1}, {\"bucket\": 0, \"offset\": 1, \"epoch\": 1}]"),
                Arguments.of("POST", owner + "/subscriptions/k/commits", "[" + "{},".repeat(2_000) + "{}]"),
                Arguments.of("GET", owner + "/buckets/99999999999", null),
                Arguments.of("GET", owner + "/buckets/-3", null),
                Arguments.of("POST", owner + "/buckets/0/seek", "{\"to\": {\"nested\": true}}"),
                Arguments.of("POST", owner + "/buckets/0/seek", "{\"to\": 1.5}"),
                Arguments.of("POST", owner + "/buckets/0/assign", "{\"key\": null}"),
                Arguments.of("POST", owner + "/seek", "{\"to\": \"9999-99-99T99:99:99Z\"}"),
                Arguments.of("GET", "/api/buckets/abc/events", null),
                Arguments.of("GET", "/api/buckets/0/events?from=-1", null),
                Arguments.of("GET", "/api/audit?limit=0", null),
                Arguments.of("GET", "/api/audit?before=x", null),
                Arguments.of("POST", "/api/owners/" + uniqueOwner() + "/subscriptions/k/commits",
                        "[{\"bucket\": 0, \"offset\": 0, \"epoch\": 0}]"),
                Arguments.of("GET", "/api/nothing-here", null),
                Arguments.of("TRACE", "/api/events", null),
                Arguments.of("POST", owner + "/subscriptions/k/commits",
                        "[{\"bucket\": 0, \"offset\": 1.5, \"epoch\": 1}]"),
                Arguments.of("POST", owner + "/subscriptions/k/commits",
                        "[{\"bucket\": 0, \"offset\": \"1\", \"epoch\": 1}]"),
                Arguments.of("POST", owner + "/subscriptions", "{\"key\": 5}"),
                Arguments.of("PUT", owner, "{\"filter\": {\"types\": [5]}}"),
                Arguments.of("POST", owner + "/buckets/0/seek", "{\"to\": \"+999999999-12-31T23:59:59Z\"}"),
                Arguments.of("POST", owner + "/seek", "{\"to\": \"-4714-11-24T00:00:00Z\"}"),
                Arguments.of("POST", owner + "/seek", "{\"to\": \"+10000-01-01T00:00:00Z\"}"),
                Arguments.of("POST", owner + "/subscriptions/k/commits", "[null]"),
                Arguments.of("POST", owner + "/subscriptions/k/commits",
                        "[{\"bucket\": 0, \"offset\": 1, \"epoch\": 1}, null]"),
                Arguments.of("POST", owner + "/subscriptions/k/commits", "[{\"bucket\": 0}]"),
                Arguments.of("POST", owner + "/subscriptions/k/commits", "[{\"offset\": NaN}]"),
                Arguments.of("PUT", owner, "{\"filter\": {\"types\": [null]}}"),
                Arguments.of("PUT", owner, "{\"filter\": {\"categories\": [\"order\", null]}}"),
                Arguments.of("PUT", owner, "{\"filter\": {\"types\": " + names(101) + "}}"),
                Arguments.of("PUT", owner, "{\"filter\": {\"categories\": " + names(101) + "}}"),
                Arguments.of("GET", "/api/audit?owner=%00", null),
                Arguments.of("GET", "/api/audit?owner=" + "o".repeat(201), null),
                Arguments.of("GET", "/api/audit?owner=a%20b", null),
                Arguments.of("POST", stream, "{\"events\": [{\"type\": \"a\", \"data\": 1, \"id\": \"1-1-1-1-1\"}]}"),
                Arguments.of("POST", stream, "{\"events\": [{\"type\": \"a\", \"data\": 1, "
                        + "\"id\": \"{00000001-0001-0001-0001-000000000001}\"}]}"),
                Arguments.of("POST", stream, "{\"events\": [{\"type\": \"a\", \"data\": NaN}]}"),
                Arguments.of("GET", "/api/events/00000001-0001-0001-0001-0000000000001", null));
    }

    /** A JSON array of {@code count} distinct names. */
    private static String names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("\"t" + i + "\"");
        }
        return "[" + String.join(",", names) + "]";
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileRequests")
    void answersAProblemDetailAndNeverA500(String method, String path, String body) {
        long eventsBefore = countEvents();
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);

        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, publisher);
        HubHttp.Response response = bus.http().send(request);
        if (path.contains("/commits") && body.startsWith("[{\"bucket\": 0") && response.status() == 400) {
            assertThat(response.json().path("field").asString()).isNotEqualTo("body");
        }

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).startsWith("urn:kapivara:hub:problem:");
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.body()).as("words of the parser's internals")
                .doesNotContain("`", "Feature", "CoercionConfig", "JsonToken", "java.", "tools.jackson");
        assertThat(countEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void refusesABodyOfTheWrongShapeNamingTheFieldAndTheValueInPlainWords() {
        String commits = "/api/owners/" + OWNER + "/subscriptions/k/commits";

        JsonNode fraction = bus.http().post(commits, "[{\"bucket\": 0, \"offset\": 1.5, \"epoch\": 1}]").json();
        JsonNode missing = bus.http().post(commits, "[{\"bucket\": 0}]").json();
        JsonNode nothing = bus.http().post(commits, "[{\"bucket\": 0, \"offset\": 0, \"epoch\": 1}, null]").json();
        JsonNode text = bus.http().post(commits, "[{\"bucket\": \"x\", \"offset\": 0, \"epoch\": 1}]").json();
        JsonNode scalar = bus.http().put("/api/owners/" + OWNER, "{\"filter\": {\"types\": \"order\"}}").json();

        assertThat(fraction.path("field").asString()).isEqualTo("[0].offset");
        assertThat(fraction.path("value").asString()).isEqualTo("1.5");
        assertThat(fraction.path("rule").asString()).contains("whole number");
        assertThat(missing.path("field").asString()).isEqualTo("[0].offset");
        assertThat(missing.path("value").asString()).isEqualTo("null");
        assertThat(missing.path("rule").asString()).contains("whole number");
        assertThat(nothing.path("field").asString()).isEqualTo("[1]");
        assertThat(nothing.path("value").asString()).isEqualTo("null");
        assertThat(nothing.path("rule").asString()).contains("bucket, offset and epoch");
        assertThat(text.path("field").asString()).isEqualTo("[0].bucket");
        assertThat(text.path("value").asString()).isEqualTo("x");
        assertThat(scalar.path("field").asString()).isEqualTo("filter.types");
        assertThat(scalar.path("value").asString()).isEqualTo("a string");
        assertThat(scalar.path("rule").asString()).contains("array");
    }

    @Test
    void refusesContentAfterTheBodyWithoutContradictingItself() {
        String commits = "/api/owners/" + OWNER + "/subscriptions/k/commits";

        HubHttp.Response object = bus.http().post(commits,
                "[{\"bucket\": 0, \"offset\": 0, \"epoch\": 1}] {}");
        HubHttp.Response number = bus.http().put("/api/owners/" + uniqueOwner(), "{\"startFrom\": \"latest\"} 7");

        assertThat(object.status()).isEqualTo(400);
        assertThat(object.json().path("field").asString()).isEqualTo("body");
        assertThat(object.json().path("value").asString()).isEqualTo("an object after the first value");
        assertThat(object.json().path("rule").asString())
                .isEqualTo("A request body is one JSON value with nothing after it");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.json().path("value").asString()).isEqualTo("a number after the first value");
    }

    @Test
    void refusesContentAfterAnAppendBodyByTheSameRuleAsTheBus() {
        String stream = uniqueStream("trailing");

        HubHttp.Response append = bus.http().post("/api/streams/" + path(stream),
                "{\"events\": [{\"type\": \"a\", \"data\": 1}]} [2]");

        assertThat(append.status()).isEqualTo(400);
        assertThat(append.json().path("field").asString()).isEqualTo("body");
        assertThat(append.json().path("value").asString()).isEqualTo("an array after the first value");
        assertThat(append.json().path("rule").asString())
                .isEqualTo("A request body is one JSON value with nothing after it");
        assertThat(bus.http().get("/api/streams/" + path(stream)).status()).isEqualTo(404);
    }

    @Test
    void showsTheStartOfAHugeValueOrFieldNameNotAllOfIt() {
        String owner = "/api/owners/" + uniqueOwner();
        bus.http().put(owner, "{}");
        String stream = uniqueStream("huge-field");

        HubHttp.Response body = bus.http().post(owner + "/pause", "\"" + "b".repeat(200_000) + "\"");
        HubHttp.Response field = bus.http().post("/api/streams/" + path(stream),
                "{\"events\": [{\"type\": \"a\", \"data\": 1, \"" + "f".repeat(50_000) + "\": 1}]}");

        assertThat(body.status()).isEqualTo(400);
        assertThat(body.json().path("value").asString()).hasSize(1_000).startsWith("\"bbb").endsWith("...");
        assertThat(body.json().path("detail").asString().length()).isLessThan(300);
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.json().path("field").asString()).hasSize(1_000).startsWith("events[0].fff").endsWith("...");
        assertThat(field.json().path("value").asString()).hasSize(1_000);
        assertThat(field.json().path("detail").asString().length()).isLessThan(400);
        JsonNode after = bus.http().get(owner).json();
        assertThat(after.path("paused").isBoolean()).isTrue();
        assertThat(after.path("paused").asBoolean()).isFalse();
    }

    @Test
    void refusesABodySentToAnActionThatTakesNoneAndDoesNotAct() {
        String owner = "/api/owners/" + uniqueOwner();
        bus.http().put(owner, "{}");

        HubHttp.Response pause = bus.http().post(owner + "/pause", "{\"paused\": false}");
        HubHttp.Response bare = bus.http().post(owner + "/pause", "");

        assertThat(pause.status()).isEqualTo(400);
        assertThat(pause.json().path("field").asString()).isEqualTo("body");
        assertThat(pause.json().path("value").asString()).isEqualTo("{\"paused\": false}");
        assertThat(pause.json().path("rule").asString()).isEqualTo("This action takes no request body");
        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.json().path("paused").asBoolean()).isTrue();
        assertThat(bus.http().get("/api/audit?owner=" + owner.substring("/api/owners/".length())).json()
                .path("entries")).hasSize(1);
    }

    @Test
    void answersAContentTypeItCannotReadWithTheTypeSent() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/owners/" + OWNER + "/subscriptions/k/commits"))
                .header("Content-Type", "garbage")
                .POST(HttpRequest.BodyPublishers.ofString("[]"));

        HubHttp.Response response = bus.http().send(request);

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("contentType").asString()).isEqualTo("garbage");
    }

    @Test
    void acceptsAFilterOfAHundredTypesAndRefusesOneMore() {
        String owner = "/api/owners/" + uniqueOwner();

        HubHttp.Response hundred = bus.http().put(owner, "{\"filter\": {\"types\": " + names(100) + "}}");
        HubHttp.Response more = bus.http().put(owner, "{\"filter\": {\"types\": " + names(101) + "}}");

        assertThat(hundred.status()).isEqualTo(201);
        assertThat(more.status()).isEqualTo(400);
        assertThat(more.json().path("field").asString()).isEqualTo("filter.types");
        assertThat(more.json().path("value").asString()).isEqualTo("101");
        assertThat(bus.http().get(owner).json().path("filter").path("types")).hasSize(100);
    }

    @Test
    void acceptsOnlyTheCanonicalFormOfAnEventId() {
        String rest = UUID.randomUUID().toString().substring(8);
        String canonical = "00000001" + rest;
        String lenient = "1" + rest;
        String stream = "/api/streams/" + uniqueStream("ids");

        HubHttp.Response refused = bus.http().post(stream,
                "{\"events\": [{\"id\": \"" + lenient + "\", \"type\": \"a\", \"data\": 1}]}");
        HubHttp.Response stored = bus.http().post(stream,
                "{\"events\": [{\"id\": \"" + canonical.toUpperCase() + "\", \"type\": \"a\", \"data\": 1}]}");
        HubHttp.Response read = bus.http().get("/api/events/" + canonical.toUpperCase());
        HubHttp.Response readLenient = bus.http().get("/api/events/" + lenient);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asString()).isEqualTo("events[0].id");
        assertThat(refused.json().path("value").asString()).isEqualTo(lenient);
        assertThat(stored.status()).isEqualTo(201);
        assertThat(read.json().path("id").asString()).isEqualTo(canonical);
        assertThat(readLenient.status()).isEqualTo(400);
        assertThat(readLenient.json().path("field").asString()).isEqualTo("id");
        assertThat(readLenient.json().path("value").asString()).isEqualTo(lenient);
    }

    @Test
    void refusesTheAuditPageOfAnOwnerNameHoldingU0000() {
        HubHttp.Response page = bus.http().get("/audit?owner=%00");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("U+0000");
    }

    @Test
    void refusesATenThousandEventBatchWholly() {
        String stream = uniqueStream("huge");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            events.add("{\"type\": \"a\", \"data\": " + i + "}");
        }

        HubHttp.Response response = bus.http().post("/api/streams/" + path(stream),
                "{\"events\": [" + String.join(",", events) + "]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream = ?", Long.class, stream)).isZero();
    }

    @Test
    void storesEmojiAndRightToLeftTextInNamesAndData() {
        String stream = "הזמנה-🦫-" + uniqueStream("rtl");

        HubHttp.Response response = bus.http().post("/api/streams/" + path(stream),
                "{\"events\": [{\"type\": \"طلب.تم\", \"data\": {\"note\": \"שלום 🌍 مرحبا\"}}]}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(bus.http().get("/api/streams/" + path(stream)).json().path("events").get(0).path("data")
                .path("note").asString()).isEqualTo("שלום 🌍 مرحبا");
    }

    @Test
    void aClientThatNeverFinishesItsBodyHoldsNothingAndOthersAreServed() throws Exception {
        String stream = uniqueStream("slow");
        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout((int) Duration.ofSeconds(90).toMillis());
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/streams/" + stream + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"events\": [")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();

            HubHttp.Response meanwhile = bus.http().get("/api/events?limit=1");
            InputStream in = slow.getInputStream();
            byte[] answer = in.readNBytes(12);

            assertThat(meanwhile.status()).isEqualTo(200);
            assertThat(new String(answer, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 4");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream = ?", Long.class, stream)).isZero();
    }

    private long countEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM events", Long.class);
    }
}
