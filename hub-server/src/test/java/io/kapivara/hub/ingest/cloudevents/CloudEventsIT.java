package io.kapivara.hub.ingest.cloudevents;

import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
class CloudEventsIT {

    private static final String STRUCTURED = "application/cloudevents+json";
    private static final String BATCH = "application/cloudevents-batch+json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    private HttpRequest.Builder request(String contentType, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/cloudevents"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HubHttp.Response post(String contentType, String body) {
        return http.send(request(contentType, body));
    }

    private static String event(String source, String id, String subject, String data) {
        return """
                {"specversion": "1.0", "id": "%s", "source": "%s", "type": "com.example.order.placed",
                 "subject": "%s", "data": %s}
                """.formatted(id, source, subject, data);
    }

    private long storedIn(String stream) {
        return jdbc.queryForObject("SELECT count(*) FROM events WHERE stream = ?", Long.class, stream);
    }

    private JsonNode stored(String source, String id) {
        return http.get("/api/events/" + CloudEventMapper.eventId(source, id)).json();
    }

    @Test
    void appendsAStructuredEventToTheStreamOfItsSubject() {
        // given
        String source = "https://example.com/" + uniqueStream("shop");
        String subject = uniqueStream("order");

        // when
        HubHttp.Response response = post(STRUCTURED, """
                {"specversion": "1.0", "id": "A234-1234-1234", "source": "%s", "type": "com.example.order.placed",
                 "subject": "%s", "time": "2024-05-01T10:00:00Z", "datacontenttype": "application/json",
                 "partitionkey": "customer-7", "comexampleext": "value", "data": {"total": 12.50}}
                """.formatted(source, subject));

        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("stream").asString()).isEqualTo(subject);
        JsonNode event = stored(source, "A234-1234-1234");
        assertThat(event.path("stream").asString()).isEqualTo(subject);
        assertThat(event.path("type").asString()).isEqualTo("com.example.order.placed");
        assertThat(event.path("data").path("total").decimalValue()).isEqualByComparingTo("12.50");
        JsonNode metadata = event.path("metadata");
        assertThat(metadata.path("source").asString()).isEqualTo(source);
        assertThat(metadata.path("id").asString()).isEqualTo("A234-1234-1234");
        assertThat(metadata.path("specversion").asString()).isEqualTo("1.0");
        assertThat(metadata.path("time").asString()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(metadata.path("comexampleext").asString()).isEqualTo("value");
        assertThat(metadata.has("type")).isFalse();
        assertThat(jdbc.queryForObject("SELECT partition_key FROM streams WHERE stream = ?", String.class, subject))
                .isEqualTo("customer-7");
    }

    @Test
    void appendsToTheStreamOfItsSourceWhenThereIsNoSubject() {
        // given a source with the characters a URL brings: slashes and a colon
        String source = "https://example.com/" + uniqueStream("feed");

        // when
        HubHttp.Response response = post(STRUCTURED, """
                {"specversion": "1.0", "id": "1", "source": "%s", "type": "feed.updated"}
                """.formatted(source));

        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("stream").asString()).isEqualTo(source);
        assertThat(stored(source, "1").path("data").isNull()).isTrue();
    }

    @Test
    void answersTheSameEventFromTheSameSourceAsAReplay() {
        // given
        String source = "/" + uniqueStream("src");
        String subject = uniqueStream("order");
        String body = event(source, "e-1", subject, "{\"n\": 1}");
        HubHttp.Response first = post(STRUCTURED, body);

        // when
        HubHttp.Response again = post(STRUCTURED, body);

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("replay").asBoolean()).isTrue();
        assertThat(storedIn(subject)).isEqualTo(1);
    }

    @Test
    void keepsEqualIdsFromDifferentSourcesApart() {
        // given
        String subject = uniqueStream("order");

        // when
        HubHttp.Response one = post(STRUCTURED, event("/" + uniqueStream("a"), "same-id", subject, "1"));
        HubHttp.Response other = post(STRUCTURED, event("/" + uniqueStream("b"), "same-id", subject, "2"));

        // then
        assertThat(one.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(201);
        assertThat(storedIn(subject)).isEqualTo(2);
    }

    @Test
    void appendsABatchAsOneAppendPerStreamInBatchOrder() {
        // given
        String source = "/" + uniqueStream("src");
        String first = uniqueStream("order");
        String second = uniqueStream("order");

        // when
        HubHttp.Response response = post(BATCH, "[%s, %s, %s]".formatted(event(source, "1", first, "1"),
                event(source, "2", second, "2"), event(source, "3", first, "3")));

        // then
        assertThat(response.status()).isEqualTo(201);
        JsonNode appends = response.json();
        assertThat(appends.size()).isEqualTo(2);
        assertThat(appends.get(0).path("stream").asString()).isEqualTo(first);
        assertThat(appends.get(0).path("version").asLong()).isEqualTo(1);
        assertThat(appends.get(0).path("events").get(1).path("id").asString())
                .isEqualTo(CloudEventMapper.eventId(source, "3").toString());
        assertThat(appends.get(1).path("stream").asString()).isEqualTo(second);
        JsonNode read = http.get("/api/streams/" + first).json();
        assertThat(read.path("events").get(0).path("data").asInt()).isEqualTo(1);
        assertThat(read.path("events").get(1).path("data").asInt()).isEqualTo(3);
    }

    @Test
    void answersABatchSentAgainAsReplays() {
        // given
        String source = "/" + uniqueStream("src");
        String subject = uniqueStream("order");
        String batch = "[%s, %s]".formatted(event(source, "1", subject, "1"), event(source, "2", subject, "2"));
        post(BATCH, batch);

        // when
        HubHttp.Response again = post(BATCH, batch);

        // then
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get(0).path("replay").asBoolean()).isTrue();
        assertThat(storedIn(subject)).isEqualTo(2);
    }

    @Test
    void refusesABatchWithOneBrokenEventAndStoresNothing() {
        // given a valid event, then one without a type
        String source = "/" + uniqueStream("src");
        String subject = uniqueStream("order");
        String broken = "{\"specversion\": \"1.0\", \"id\": \"2\", \"source\": \"%s\"}".formatted(source);

        // when
        HubHttp.Response response = post(BATCH, "[%s, %s]".formatted(event(source, "1", subject, "1"), broken));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("[1].type");
        assertThat(storedIn(subject)).isZero();
    }

    @Test
    void refusesABatchNamingOneEventTwiceOrMixingPartitionKeysOfAStream() {
        // given
        String source = "/" + uniqueStream("src");
        String subject = uniqueStream("order");
        String keyed = """
                {"specversion": "1.0", "id": "%s", "source": "%s", "type": "t", "subject": "%s", "partitionkey": "%s"}
                """;

        // when
        HubHttp.Response twice = post(BATCH, "[%s, %s]".formatted(event(source, "1", subject, "1"),
                event(source, "1", uniqueStream("other"), "1")));
        HubHttp.Response mixed = post(BATCH, "[%s, %s]".formatted(keyed.formatted("1", source, subject, "k1"),
                keyed.formatted("2", source, subject, "k2")));

        // then
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().path("field").asString()).isEqualTo("[1].id");
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().path("field").asString()).isEqualTo("[1].partitionkey");
        assertThat(storedIn(subject)).isZero();
    }

    @Test
    void refusesABatchOfMoreThanAThousandEventsForOneStreamNamingTheEventTooMany() {
        // given a first stream with one event, then 1,001 events for a second stream
        String source = "/" + uniqueStream("src");
        String first = uniqueStream("order");
        String crowded = uniqueStream("order");
        List<String> events = new ArrayList<>();
        events.add(event(source, "first", first, "1"));
        for (int i = 0; i < 1_001; i++) {
            events.add(event(source, "e" + i, crowded, "1"));
        }

        // when
        HubHttp.Response response = post(BATCH, "[" + String.join(",", events) + "]");

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("[1001].subject");
        assertThat(response.json().path("value").asString()).isEqualTo(crowded);
        assertThat(response.json().path("rule").asString())
                .isEqualTo("A batch carries at most 1000 events for one stream");
        assertThat(storedIn(first)).isZero();
        assertThat(storedIn(crowded)).isZero();
    }

    @Test
    void answersAnEmptyBatchWithAnEmptyList() {
        HubHttp.Response response = post(BATCH, "[]");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json().size()).isZero();
    }

    @Test
    void appendsABinaryModeEventWithJsonData() {
        // given
        String source = "/" + uniqueStream("sensor");
        String subject = uniqueStream("room");

        // when
        HubHttp.Response response = http.send(request("application/json", "{\"celsius\": 21.5}")
                .header("ce-specversion", "1.0")
                .header("ce-id", "r-1")
                .header("ce-source", source)
                .header("ce-type", "reading.taken")
                .header("ce-subject", subject)
                .header("ce-time", "2024-05-01T10:00:00Z")
                .header("ce-partitionkey", "building-1")
                .header("ce-note", "caf%C3%A9"));

        // then
        assertThat(response.status()).isEqualTo(201);
        JsonNode event = stored(source, "r-1");
        assertThat(event.path("stream").asString()).isEqualTo(subject);
        assertThat(event.path("type").asString()).isEqualTo("reading.taken");
        assertThat(event.path("data").path("celsius").decimalValue()).isEqualByComparingTo("21.5");
        assertThat(event.path("metadata").path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.path("metadata").path("note").asString()).isEqualTo("café");
        assertThat(event.path("metadata").path("partitionkey").asString()).isEqualTo("building-1");
    }

    @Test
    void keepsBinaryModeTextAsAStringAndBytesAsBase64() {
        // given
        String source = "/" + uniqueStream("sensor");
        HttpRequest.Builder text = request("text/plain; charset=utf-8", "21 °C");
        HttpRequest.Builder bytes = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/ingest/cloudevents"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, 1, 2, (byte) 0xff}));

        // when
        for (var entry : java.util.Map.of("t-1", text, "b-1", bytes).entrySet()) {
            HubHttp.Response response = http.send(entry.getValue()
                    .header("ce-specversion", "1.0").header("ce-id", entry.getKey())
                    .header("ce-source", source).header("ce-type", "reading.taken"));
            assertThat(response.status()).isEqualTo(201);
        }

        // then
        assertThat(stored(source, "t-1").path("data").asString()).isEqualTo("21 °C");
        JsonNode binary = stored(source, "b-1");
        assertThat(binary.path("data").path("base64").asString()).isEqualTo("AAEC/w==");
        assertThat(binary.path("metadata").path("data_encoding").asString()).isEqualTo("base64");
        assertThat(storedIn(source)).isEqualTo(2);
    }

    @Test
    void refusesABinaryModeTextBodyThatIsNotValidInItsCharset() {
        // given
        String source = "/" + uniqueStream("sensor");
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};

        // when
        HubHttp.Response utf8 = http.send(binary(source, "u-1", "text/plain", latin1));
        HubHttp.Response declared = http.send(binary(source, "u-2", "text/plain; charset=utf-8", latin1));
        HubHttp.Response latin = http.send(binary(source, "u-3", "text/plain; charset=iso-8859-1", latin1));

        // then
        assertThat(utf8.status()).isEqualTo(400);
        assertThat(utf8.json().path("field").asString()).isEqualTo("data");
        assertThat(utf8.json().path("rule").asString()).contains("UTF-8");
        assertThat(declared.status()).isEqualTo(400);
        assertThat(latin.status()).isEqualTo(201);
        assertThat(stored(source, "u-3").path("data").asString()).isEqualTo("café");
        assertThat(storedIn(source)).isEqualTo(1);
    }

    private HttpRequest.Builder binary(String source, String id, String contentType, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/cloudevents"))
                .header("Content-Type", contentType)
                .header("ce-specversion", "1.0").header("ce-id", id)
                .header("ce-source", source).header("ce-type", "reading.taken")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Test
    void keepsStructuredBase64DataAsAnObject() {
        // given
        String source = "/" + uniqueStream("src");

        // when
        HubHttp.Response response = post(STRUCTURED, """
                {"specversion": "1.0", "id": "1", "source": "%s", "type": "blob.stored",
                 "datacontenttype": "image/png", "data_base64": "iVBORw0KGgo="}
                """.formatted(source));

        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(stored(source, "1").path("data").path("base64").asString()).isEqualTo("iVBORw0KGgo=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "source", "type"})
    void refusesAStructuredEventWithoutARequiredAttribute(String attribute) {
        // given
        String source = "/" + uniqueStream("src");
        JsonNode event = new HubHttp.Response(0, event(source, "1", uniqueStream("s"), "1"), "", null).json();
        ((tools.jackson.databind.node.ObjectNode) event).remove(attribute);

        // when
        HubHttp.Response response = post(STRUCTURED, event.toString());

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problem()).isEqualTo("invalid-request");
        assertThat(response.json().path("field").asString()).isEqualTo(attribute);
    }

    @ParameterizedTest
    @ValueSource(strings = {"specversion", "id", "source", "type"})
    void refusesABinaryEventWithoutARequiredAttribute(String attribute) {
        // given
        HttpRequest.Builder request = request("application/json", "{}");
        for (String name : new String[] {"specversion", "id", "source", "type"}) {
            if (!name.equals(attribute)) {
                request.header("ce-" + name, name.equals("specversion") ? "1.0" : "/" + uniqueStream(name));
            }
        }

        // when
        HubHttp.Response response = http.send(request);

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo(attribute);
    }

    @Test
    void refusesAnotherSpecversion() {
        // given
        String body = event("/" + uniqueStream("src"), "1", uniqueStream("s"), "1").replace("\"1.0\"", "\"0.3\"");

        // when
        HubHttp.Response response = post(STRUCTURED, body);

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("specversion");
        assertThat(response.json().path("value").asString()).isEqualTo("0.3");
    }

    @Test
    void refusesAWholeNumberExtensionBeyondThirtyTwoBits() {
        // given
        String subject = uniqueStream("s");
        String event = event("/" + uniqueStream("src"), "1", subject, "1");
        String big = event.replace("\"subject\"", "\"myext\": 2147483648, \"subject\"");
        String largest = event.replace("\"subject\"", "\"myext\": 2147483647, \"subject\"");

        // when
        HubHttp.Response refused = post(STRUCTURED, big);
        HubHttp.Response taken = post(STRUCTURED, largest);

        // then
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asString()).isEqualTo("myext");
        assertThat(refused.json().path("rule").asString()).contains("-2147483648 to 2147483647");
        assertThat(taken.status()).isEqualTo(201);
        assertThat(storedIn(subject)).isEqualTo(1);
    }

    @Test
    void refusesMalformedJsonAndABatchThatIsNoArray() {
        HubHttp.Response malformed = post(STRUCTURED, "{\"specversion\": \"1.0\",");
        HubHttp.Response notArray = post(BATCH, event("/s", "1", "s", "1"));
        HubHttp.Response notObject = post(STRUCTURED, "[1]");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("field").asString()).isEqualTo("body");
        assertThat(notArray.status()).isEqualTo(400);
        assertThat(notArray.json().path("field").asString()).isEqualTo("body");
        assertThat(notObject.status()).isEqualTo(400);
    }

    @Test
    void refusesAStreamNameWithWhitespaceNamingWhereItCameFrom() {
        // given
        String source = "/" + uniqueStream("src");

        // when
        HubHttp.Response response = post(STRUCTURED, event(source, "1", "order 42", "1"));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("subject");
        assertThat(response.json().path("value").asString()).isEqualTo("order 42");
        assertThat(http.get("/api/events/" + CloudEventMapper.eventId(source, "1")).status()).isEqualTo(404);
    }

    @Test
    void refusesAnotherEventFormatWith415() {
        HubHttp.Response response = post("application/cloudevents+xml", "<event/>");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.problem()).isEqualTo("unsupported-media-type");
    }

    @Test
    void refusesAnUnreadableContentType() {
        HubHttp.Response response = post("not a media type", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("Content-Type");
    }

    @Test
    void refusesDataThatPostgresCannotStoreUnchanged() {
        // given
        String source = "/" + uniqueStream("src");

        // when
        HubHttp.Response response = post(STRUCTURED, event(source, "1", uniqueStream("s"), "{\"x\": \"a\\u0000b\"}"));

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("data.x");
        assertThat(http.get("/api/events/" + CloudEventMapper.eventId(source, "1")).status()).isEqualTo(404);
    }
}
