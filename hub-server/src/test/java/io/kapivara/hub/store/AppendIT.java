package io.kapivara.hub.store;

import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
class AppendIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    private HubHttp.Response append(String stream, String body) {
        return http.post("/api/streams/" + path(stream), body);
    }

    private static String event(UUID id, String type, String data) {
        return "{\"id\":\"%s\",\"type\":\"%s\",\"data\":%s}".formatted(id, type, data);
    }

    private long storedEvents(String stream) {
        return jdbc.queryForObject("SELECT count(*) FROM events WHERE stream = ?", Long.class, stream);
    }

    @Test
    void appendsEventsWithTheirPlacesAndReadsThemBack() {
        String stream = uniqueStream("order");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        HubHttp.Response response = append(stream, """
                {"expectedVersion": "no_stream", "events": [%s, {"id": "%s", "type": "order.paid",
                 "data": [1, "two", null], "metadata": {"traceId": "abc"}}]}
                """.formatted(event(first, "order.placed", "{\"total\": 12.50}"), second));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("stream").asString()).isEqualTo(stream);
        assertThat(body.path("version").asLong()).isEqualTo(1);
        assertThat(body.path("events").get(0).path("version").asLong()).isZero();
        assertThat(body.path("events").get(1).path("version").asLong()).isEqualTo(1);
        assertThat(body.path("events").get(1).path("globalPosition").asLong())
                .isEqualTo(body.path("events").get(0).path("globalPosition").asLong() + 1);
        assertThat(body.path("events").get(1).path("offset").asLong())
                .isEqualTo(body.path("events").get(0).path("offset").asLong() + 1);

        JsonNode read = http.get("/api/streams/" + path(stream)).json();
        assertThat(read.path("version").asLong()).isEqualTo(1);
        assertThat(read.path("bucket").asInt()).isEqualTo(body.path("bucket").asInt());
        assertThat(read.path("events").get(0).path("data").path("total").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(read.path("events").get(1).path("metadata").path("traceId").asString()).isEqualTo("abc");
        assertThat(read.path("events").get(1).path("data").get(1).asString()).isEqualTo("two");
    }

    @Test
    void makesAnIdWhenTheEventHasNone() {
        String stream = uniqueStream("noid");

        HubHttp.Response response = append(stream, "{\"events\": [{\"type\": \"made\", \"data\": {}}]}");

        assertThat(response.status()).isEqualTo(201);
        String id = response.json().path("events").get(0).path("id").asString();
        assertThat(http.get("/api/events/" + id).json().path("stream").asString()).isEqualTo(stream);
    }

    @Test
    void refusesAWrongExpectedVersionWithExpectedAndActual() {
        String stream = uniqueStream("wev");
        append(stream, "{\"events\": [" + event(UUID.randomUUID(), "a", "1") + "]}");

        HubHttp.Response exact = append(stream, "{\"expectedVersion\": 3, \"events\": ["
                + event(UUID.randomUUID(), "a", "1") + "]}");
        HubHttp.Response noStream = append(stream, "{\"expectedVersion\": \"no_stream\", \"events\": ["
                + event(UUID.randomUUID(), "a", "1") + "]}");
        HubHttp.Response exists = append(uniqueStream("wev"), "{\"expectedVersion\": \"exists\", \"events\": ["
                + event(UUID.randomUUID(), "a", "1") + "]}");

        assertThat(exact.status()).isEqualTo(409);
        assertThat(exact.problem()).isEqualTo("wrong-expected-version");
        assertThat(exact.json().path("expected").asString()).isEqualTo("3");
        assertThat(exact.json().path("actual").asLong()).isZero();
        assertThat(noStream.status()).isEqualTo(409);
        assertThat(exists.json().path("actual").asLong()).isEqualTo(-1);
        assertThat(storedEvents(stream)).isEqualTo(1);
    }

    @Test
    void acceptsTheExactCurrentVersion() {
        String stream = uniqueStream("exact");
        append(stream, "{\"expectedVersion\": \"no_stream\", \"events\": ["
                + event(UUID.randomUUID(), "a", "1") + "]}");

        HubHttp.Response response = append(stream, "{\"expectedVersion\": 0, \"events\": ["
                + event(UUID.randomUUID(), "a", "2") + "]}");
        HubHttp.Response exists = append(stream, "{\"expectedVersion\": \"exists\", \"events\": ["
                + event(UUID.randomUUID(), "a", "3") + "]}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(exists.status()).isEqualTo(201);
        assertThat(exists.json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void replaysAnIdenticalAppendWithTheOriginalPositionsEvenAfterTheStreamMovedOn() {
        String stream = uniqueStream("replay");
        UUID id = UUID.randomUUID();
        String body = "{\"expectedVersion\": \"no_stream\", \"events\": ["
                + event(id, "a", "{\"x\": 1, \"y\": 2}") + "]}";
        JsonNode original = append(stream, body).json();
        append(stream, "{\"events\": [" + event(UUID.randomUUID(), "b", "2") + "]}");

        HubHttp.Response replay = append(stream,
                "{\"expectedVersion\": \"no_stream\", \"events\": [" + event(id, "a", "{\"y\": 2, \"x\": 1.0}") + "]}");

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("replay").asBoolean()).isTrue();
        assertThat(replay.json().path("events").get(0).path("globalPosition").asLong())
                .isEqualTo(original.path("events").get(0).path("globalPosition").asLong());
        assertThat(storedEvents(stream)).isEqualTo(2);
    }

    @Test
    void refusesAStoredIdWithOtherContent() {
        String stream = uniqueStream("dup");
        UUID id = UUID.randomUUID();
        append(stream, "{\"events\": [" + event(id, "a", "1") + "]}");

        HubHttp.Response response = append(stream, "{\"events\": [" + event(id, "a", "2") + "]}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.problem()).isEqualTo("duplicate-event-id");
        assertThat(response.json().path("ids").get(0).asString()).isEqualTo(id.toString());
        assertThat(response.json().path("reason").asString()).isEqualTo("stored with other content");
    }

    @Test
    void refusesAStoredIdInAnotherStream() {
        UUID id = UUID.randomUUID();
        append(uniqueStream("dup"), "{\"events\": [" + event(id, "a", "1") + "]}");
        String other = uniqueStream("dup");

        HubHttp.Response response = append(other, "{\"events\": [" + event(id, "a", "1") + "]}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("reason").asString()).isEqualTo("stored in another stream");
        assertThat(storedEvents(other)).isZero();
    }

    @Test
    void refusesABatchThatOnlyPartlyReplays() {
        String stream = uniqueStream("partial");
        UUID stored = UUID.randomUUID();
        append(stream, "{\"events\": [" + event(stored, "a", "1") + "]}");

        HubHttp.Response response = append(stream, "{\"events\": [" + event(stored, "a", "1") + ", "
                + event(UUID.randomUUID(), "a", "2") + "]}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("reason").asString()).isEqualTo("only part of the batch is stored");
        assertThat(storedEvents(stream)).isEqualTo(1);
    }

    @Test
    void refusesTheSameIdTwiceInOneAppend() {
        String stream = uniqueStream("twice");
        UUID id = UUID.randomUUID();

        HubHttp.Response response = append(stream,
                "{\"events\": [" + event(id, "a", "1") + ", " + event(id, "a", "1") + "]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("events[1].id");
        assertThat(storedEvents(stream)).isZero();
    }

    @Test
    void refusesNamesBreakingTheirRules() {
        String tooLong = "s".repeat(201);

        assertThat(append(tooLong, "{\"events\": [" + event(UUID.randomUUID(), "a", "1") + "]}").status())
                .isEqualTo(400);
        assertThat(append("tab\there", "{\"events\": [" + event(UUID.randomUUID(), "a", "1") + "]}").status())
                .isEqualTo(400);
        HubHttp.Response type = append(uniqueStream("t"),
                "{\"events\": [" + event(UUID.randomUUID(), "t".repeat(201), "1") + "]}");
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.json().path("field").asString()).isEqualTo("events[0].type");
        assertThat(append("s".repeat(200), "{\"events\": [" + event(UUID.randomUUID(), "a", "1") + "]}").status())
                .isEqualTo(201);
        assertThat(append("émoji-🦫-עברית", "{\"events\": [" + event(UUID.randomUUID(), "a", "1") + "]}").status())
                .isEqualTo(201);
    }

    @Test
    void refusesMoreEventsThanTheBatchLimit() {
        String stream = uniqueStream("many");
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 1_001; i++) {
            events.append(i == 0 ? "" : ",").append(event(UUID.randomUUID(), "a", "1"));
        }

        HubHttp.Response response = append(stream, "{\"events\": [" + events + "]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("field").asString()).isEqualTo("events");
        assertThat(response.json().path("value").asString()).isEqualTo("1001");
        assertThat(storedEvents(stream)).isZero();
    }

    @Test
    void refusesEmptyBatches() {
        assertThat(append(uniqueStream("empty"), "{\"events\": []}").status()).isEqualTo(400);
    }

    @Test
    void refusesABodyOverTheSizeLimitWith413() {
        String stream = uniqueStream("big");
        String data = "\"" + "a".repeat(4 * 1024 * 1024) + "\"";

        HubHttp.Response response = http.post("/api/streams/" + path(stream),
                ("{\"events\": [" + event(UUID.randomUUID(), "a", data) + "]}").getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.problem()).isEqualTo("payload-too-large");
        assertThat(storedEvents(stream)).isZero();
    }

    @Test
    void refusesMalformedJsonWith400() {
        HubHttp.Response response = append(uniqueStream("bad"), "{\"events\": [");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problem()).isEqualTo("invalid-request");
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void refusesWrongTypesNamingTheField() {
        String stream = uniqueStream("types");

        assertThat(append(stream, "[]").json().path("field").asString()).isEqualTo("body");
        assertThat(append(stream, "{\"events\": {}}").json().path("field").asString()).isEqualTo("events");
        assertThat(append(stream, "{\"expectedVersion\": -5, \"events\": [" + event(UUID.randomUUID(), "a", "1") + "]}")
                .json().path("field").asString()).isEqualTo("expectedVersion");
        assertThat(append(stream, "{\"expectedVersion\": \"sometimes\", \"events\": []}").status()).isEqualTo(400);
        assertThat(append(stream, "{\"events\": [{\"id\": \"not-a-uuid\", \"type\": \"a\", \"data\": 1}]}")
                .json().path("field").asString()).isEqualTo("events[0].id");
        assertThat(append(stream, "{\"events\": [{\"type\": 7, \"data\": 1}]}").json().path("field").asString())
                .isEqualTo("events[0].type");
        assertThat(append(stream, "{\"events\": [{\"type\": \"a\"}]}").json().path("field").asString())
                .isEqualTo("events[0].data");
        assertThat(append(stream, "{\"events\": [{\"type\": \"a\", \"data\": 1, \"metadata\": [1]}]}")
                .json().path("field").asString()).isEqualTo("events[0].metadata");
        assertThat(append(stream, "{\"events\": [{\"type\": \"a\", \"data\": {\"k\": 1, \"k\": 2}}]}").status())
                .isEqualTo(400);
        assertThat(storedEvents(stream)).isZero();
    }

    @Test
    void refusesJsonThatJsonbCannotHoldNamingTheEvent() {
        String stream = uniqueStream("jsonb");

        HubHttp.Response nul = append(stream, "{\"events\": [" + event(UUID.randomUUID(), "a", "1") + ", "
                + event(UUID.randomUUID(), "a", "{\"text\": \"a\\u0000b\"}") + "]}");
        HubHttp.Response surrogate = append(stream, "{\"events\": ["
                + event(UUID.randomUUID(), "a", "\"\\ud800\"") + "]}");
        HubHttp.Response keyNul = append(stream, "{\"events\": ["
                + event(UUID.randomUUID(), "a", "{\"a\\u0000\": 1}") + "]}");

        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().path("field").asString()).isEqualTo("events[1].data.text");
        assertThat(surrogate.status()).isEqualTo(400);
        assertThat(surrogate.json().path("field").asString()).isEqualTo("events[0].data");
        assertThat(keyNul.status()).isEqualTo(400);
        assertThat(storedEvents(stream)).isZero();
    }

    @Test
    void storesPairedSurrogatesAndExactNumbersUnchanged() {
        String stream = uniqueStream("exact");
        String sent = "{\"emoji\": \"\\ud83e\\uddab\", \"n\": 0.1000000000000000000000001,"
                + " \"big\": 123456789012345678901234567890}";

        append(stream, "{\"events\": [" + event(UUID.randomUUID(), "a", sent) + "]}");

        JsonNode data = http.get("/api/streams/" + path(stream)).json().path("events").get(0).path("data");
        assertThat(data.path("emoji").asString()).isEqualTo("🦫");
        assertThat(data.path("n").decimalValue()).isEqualByComparingTo("0.1000000000000000000000001");
        assertThat(data.path("big").bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void refusesAnotherPartitionKeyForAnExistingStream() {
        String stream = uniqueStream("pk");
        append(stream, "{\"partitionKey\": \"tenant-1\", \"events\": [" + event(UUID.randomUUID(), "a", "1") + "]}");

        HubHttp.Response same = append(stream, "{\"partitionKey\": \"tenant-1\", \"events\": ["
                + event(UUID.randomUUID(), "a", "1") + "]}");
        HubHttp.Response other = append(stream, "{\"partitionKey\": \"tenant-2\", \"events\": ["
                + event(UUID.randomUUID(), "a", "1") + "]}");

        assertThat(same.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.problem()).isEqualTo("partition-key-mismatch");
        assertThat(other.json().path("stored").asString()).isEqualTo("tenant-1");
    }

    @Test
    void acceptsTheStreamNameAsPartitionKeyOfAStreamCreatedWithout() {
        String stream = uniqueStream("pkname");
        append(stream, "{\"events\": [" + event(UUID.randomUUID(), "a", "1") + "]}");

        HubHttp.Response same = append(stream, "{\"partitionKey\": \"" + stream + "\", \"events\": ["
                + event(UUID.randomUUID(), "a", "1") + "]}");
        HubHttp.Response other = append(stream, "{\"partitionKey\": \"elsewhere\", \"events\": ["
                + event(UUID.randomUUID(), "a", "1") + "]}");

        assertThat(same.status()).isEqualTo(201);
        assertThat(other.json().path("stored").asString()).isEqualTo(stream);
    }

    @Test
    void refusesAReplayOfStoredEventsInAnotherOrder() {
        String stream = uniqueStream("order");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        append(stream, "{\"events\": [" + event(first, "a", "1") + "]}");
        append(stream, "{\"events\": [" + event(second, "a", "2") + "]}");

        HubHttp.Response swapped = append(stream, "{\"events\": [" + event(second, "a", "2") + ", "
                + event(first, "a", "1") + "]}");

        assertThat(swapped.status()).isEqualTo(409);
        assertThat(swapped.problem()).isEqualTo("duplicate-event-id");
        assertThat(storedEvents(stream)).isEqualTo(2);
    }

    @Test
    void refusesBodiesThatAreNotJsonWith415() {
        String stream = uniqueStream("media");
        HubHttp.Response plain = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/streams/" + path(stream)))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers
                        .ofString("{\"events\": [{\"type\": \"a\", \"data\": 1}]}")));

        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.problem()).isEqualTo("unsupported-media-type");
        assertThat(storedEvents(stream)).isZero();
    }

    @Test
    void answersAWrongMethodWith405AndTheAllowedOnes() {
        HubHttp.Response response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + port + "/api/streams/" + path(uniqueStream("method")))).DELETE());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.raw().headers().firstValue("Allow")).isPresent();
    }

    @Test
    void refusesAMisspeltFieldInsteadOfAppendingWithoutIt() {
        String stream = uniqueStream("strict");
        assertThat(append(stream, "{\"events\": [" + event(UUID.randomUUID(), "a", "1") + "]}").status())
                .isEqualTo(201);

        HubHttp.Response version = append(stream, "{\"expectedversion\": \"no_stream\", \"events\": ["
                + event(UUID.randomUUID(), "a", "2") + "]}");
        HubHttp.Response metadata = append(stream, "{\"events\": [{\"type\": \"a\", \"data\": 3, "
                + "\"metdata\": {\"user\": \"x\"}}]}");

        assertThat(version.status()).isEqualTo(400);
        assertThat(version.json().path("field").asString()).isEqualTo("expectedversion");
        assertThat(version.json().path("rule").asString()).contains("expectedVersion, partitionKey and events");
        assertThat(metadata.status()).isEqualTo(400);
        assertThat(metadata.json().path("field").asString()).isEqualTo("events[0].metdata");
        assertThat(metadata.json().path("value").asString()).isEqualTo("metdata");
        assertThat(storedEvents(stream)).isEqualTo(1);
    }

    @Test
    void refusesANumberThatWouldComeBackLongerThanAThousandDigits() {
        String stream = uniqueStream("digits");

        HubHttp.Response exponent = append(stream, "{\"events\": [" + event(UUID.randomUUID(), "a",
                "{\"n\": [1, 1E131071]}") + "]}");
        HubHttp.Response fraction = append(stream, "{\"events\": [{\"type\": \"a\", \"data\": 1, "
                + "\"metadata\": {\"m\": 1E-1000}}]}");
        HubHttp.Response outOfRange = append(stream, "{\"events\": [" + event(UUID.randomUUID(), "a",
                "1E999999999999") + "]}");
        HubHttp.Response widest = append(stream, "{\"events\": [" + event(UUID.randomUUID(), "a",
                "[1E999, 0.5E-998]") + "]}");

        assertThat(exponent.status()).isEqualTo(400);
        assertThat(exponent.json().path("field").asString()).isEqualTo("events[0].data.n[1]");
        assertThat(exponent.json().path("value").asString()).isEqualTo("1E+131071");
        assertThat(exponent.json().path("rule").asString()).contains("at most 1000 digits");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.json().path("field").asString()).isEqualTo("events[0].metadata.m");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().path("field").asString()).isEqualTo("body");
        assertThat(outOfRange.json().path("rule").asString()).contains("at most 1000 digits");
        assertThat(widest.status()).isEqualTo(201);
        assertThat(storedEvents(stream)).isEqualTo(1);
        JsonNode read = http.get("/api/streams/" + path(stream)).json().path("events").get(0).path("data");
        assertThat(read.get(0).bigIntegerValue()).isEqualTo(BigInteger.TEN.pow(999));
        assertThat(read.get(1).decimalValue()).isEqualByComparingTo("0.5E-998");
    }
}
