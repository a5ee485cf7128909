package io.kapivara.hub.store;

import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/** The store's reads for the dashboard: totals, appends per minute, streams by prefix. */
@HubServerTest
class StoreStatsIT {

    @LocalServerPort
    int port;

    @Autowired
    StoreQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    private JsonNode append(String stream, int events) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < events; i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\": \"stat.counted\", \"data\": {\"n\": %d}}".formatted(i));
        }
        HubHttp.Response response = http.post("/api/streams/" + path(stream), "{\"events\": [" + body + "]}");
        assertThat(response.status()).isEqualTo(201);
        return response.json();
    }

    private static long total(List<EventReader.MinuteCount> minutes) {
        return minutes.stream().mapToLong(EventReader.MinuteCount::events).sum();
    }

    @Test
    void countsEventsAndStreamsAndKnowsTheLastAppend() {
        // given
        EventReader.Totals before = queries.totals();

        // when
        JsonNode appended = append(uniqueStream("stats"), 3);

        // then
        EventReader.Totals after = queries.totals();
        assertThat(after.events() - before.events()).isEqualTo(3);
        assertThat(after.events()).isEqualTo(appended.path("events").get(2).path("globalPosition").asLong());
        assertThat(after.streams() - before.streams()).isEqualTo(1);
        assertThat(after.lastRecordedAt()).isNotNull();
        RecordedEvent last = queries.event(UUID.fromString(appended.path("events").get(2).path("id").asString()));
        assertThat(after.lastRecordedAt()).isEqualTo(last.recordedAt());
    }

    @Test
    void countsEachNewStreamOnceAndNothingForRefusedOrRepeatedAppends() {
        // given
        EventReader.Totals before = queries.totals();
        String first = uniqueStream("counted");
        String second = uniqueStream("counted");
        UUID id = UUID.randomUUID();
        String once = "{\"events\": [{\"id\": \"" + id + "\", \"type\": \"a\", \"data\": 1}]}";
        String batch = "[{\"specversion\": \"1.0\", \"id\": \"c-1\", \"source\": \"/counted\", \"type\": \"t\","
                + " \"subject\": \"" + uniqueStream("counted") + "\"}, {\"specversion\": \"1.0\", \"id\": \"c-2\","
                + " \"source\": \"/counted\", \"type\": \"t\", \"subject\": \"" + uniqueStream("counted") + "\"}]";

        // when: two new streams, more events on one of them, a replay, a refused append, and two new
        // streams in one request
        append(first, 2);
        append(second, 1);
        append(first, 1);
        assertThat(http.post("/api/streams/" + path(first), once).status()).isEqualTo(201);
        assertThat(http.post("/api/streams/" + path(first), once).status()).isEqualTo(200);
        assertThat(http.post("/api/streams/" + path(uniqueStream("counted")),
                "{\"expectedVersion\": 3, \"events\": [{\"type\": \"a\", \"data\": 1}]}").status()).isEqualTo(409);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/cloudevents"))
                .header("Content-Type", "application/cloudevents-batch+json")
                .POST(HttpRequest.BodyPublishers.ofString(batch))).status()).isEqualTo(201);

        // then
        EventReader.Totals after = queries.totals();
        assertThat(after.streams() - before.streams()).isEqualTo(4);
        assertThat(after.streams()).isEqualTo(jdbc.queryForObject("SELECT count(*) FROM streams", Long.class));
    }

    @Test
    void countsAppendsPerMinuteWithEveryMinuteOfTheWindowOldestFirst() {
        // given: a window of a day, so that no earlier test's events leave it while this test runs
        List<EventReader.MinuteCount> before = queries.appendsPerMinute(StoreQueries.MAX_MINUTES);

        // when
        append(uniqueStream("rate"), 5);

        // then
        List<EventReader.MinuteCount> after = queries.appendsPerMinute(StoreQueries.MAX_MINUTES);
        assertThat(after).hasSize(StoreQueries.MAX_MINUTES);
        assertThat(total(after) - total(before)).isEqualTo(5);
        for (int i = 1; i < after.size(); i++) {
            assertThat(after.get(i).minute()).isEqualTo(after.get(i - 1).minute().plusSeconds(60));
        }
        Instant current = after.getLast().minute();
        assertThat(current.getEpochSecond() % 60).isZero();
        assertThat(current).isBetween(Instant.now().minusSeconds(90), Instant.now());
    }

    @Test
    void findsStreamsByPrefixInCodePointOrderPageByPage() {
        // given
        String prefix = "find-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (String suffix : List.of("b", "ü", "a", "z", "c/d")) {
            append(prefix + suffix, 1);
        }
        append(prefix.substring(0, prefix.length() - 1) + ".", 1);
        append(prefix.substring(0, prefix.length() - 1), 1);

        // when
        List<String> first = names(queries.streamsByPrefix(prefix, null, 3));
        List<String> rest = names(queries.streamsByPrefix(prefix, first.getLast(), 10));

        // then
        assertThat(first).containsExactly(prefix + "a", prefix + "b", prefix + "c/d");
        assertThat(rest).containsExactly(prefix + "z", prefix + "ü");
    }

    @Test
    void listsEveryStreamForAnEmptyPrefix() {
        append(uniqueStream("any"), 1);

        assertThat(queries.streamsByPrefix("", null, 2)).hasSize(2);
    }

    @Test
    void refusesAPrefixThatNoStreamNameCouldStartWith() {
        assertThatThrownBy(() -> queries.streamsByPrefix("has space", null, 10))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("whitespace");
        assertThatThrownBy(() -> queries.appendsPerMinute(0)).isInstanceOf(InvalidRequestException.class);
    }

    private static List<String> names(List<EventLog.StreamState> streams) {
        return streams.stream().map(EventLog.StreamState::stream).toList();
    }
}
