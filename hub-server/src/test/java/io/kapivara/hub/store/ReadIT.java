package io.kapivara.hub.store;

import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;
import io.kapivara.hub.testing.TestDatabases;

@HubServerTest
class ReadIT {

    @LocalServerPort
    int port;

    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    private void appendNumbered(String stream, int count, String type) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < count; i++) {
            events.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"%s\", \"data\": {\"n\": %d}}".formatted(type, i));
        }
        assertThat(http.post("/api/streams/" + path(stream), "{\"events\": [" + events + "]}").status())
                .isEqualTo(201);
    }

    private static List<Long> versions(JsonNode page) {
        List<Long> versions = new ArrayList<>();
        page.path("events").forEach(event -> versions.add(event.path("version").asLong()));
        return versions;
    }

    @Test
    void readsAStreamForwardInPages() {
        String stream = uniqueStream("page");
        appendNumbered(stream, 5, "n");

        JsonNode first = http.get("/api/streams/" + path(stream) + "?limit=2").json();
        JsonNode second = http.get("/api/streams/" + path(stream) + "?limit=2&from="
                + first.path("next").asLong()).json();
        JsonNode last = http.get("/api/streams/" + path(stream) + "?limit=2&from=4").json();

        assertThat(versions(first)).containsExactly(0L, 1L);
        assertThat(versions(second)).containsExactly(2L, 3L);
        assertThat(versions(last)).containsExactly(4L);
        assertThat(last.path("next").isMissingNode() || last.path("next").isNull()).isTrue();
        assertThat(first.path("version").asLong()).isEqualTo(4);
    }

    @Test
    void readsAStreamBackwardFromTheEndWhenNoStartIsGiven() {
        String stream = uniqueStream("back");
        appendNumbered(stream, 5, "n");

        JsonNode page = http.get("/api/streams/" + path(stream) + "?direction=backward&limit=3").json();
        JsonNode fromTwo = http.get("/api/streams/" + path(stream) + "?direction=backward&from=1").json();

        assertThat(versions(page)).containsExactly(4L, 3L, 2L);
        assertThat(page.path("next").asLong()).isEqualTo(1);
        assertThat(versions(fromTwo)).containsExactly(1L, 0L);
    }

    @Test
    void returnsWhatExistsWhenAPageRunsPastAnEnd() {
        String stream = uniqueStream("past");
        appendNumbered(stream, 2, "n");

        assertThat(versions(http.get("/api/streams/" + path(stream) + "?from=1&limit=50").json())).containsExactly(1L);
        assertThat(versions(http.get("/api/streams/" + path(stream) + "?from=99").json())).isEmpty();
        assertThat(versions(http.get("/api/streams/" + path(stream) + "?from=99&direction=backward").json()))
                .containsExactly(1L, 0L);
    }

    @Test
    void answersStreamNotFoundForAStreamWithoutEvents() {
        String stream = uniqueStream("missing");

        HubHttp.Response response = http.get("/api/streams/" + path(stream));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problem()).isEqualTo("stream-not-found");
        assertThat(response.json().path("stream").asString()).isEqualTo(stream);
    }

    @Test
    void refusesLimitsOutOfRangeAndUnknownDirections() {
        String stream = uniqueStream("limits");
        appendNumbered(stream, 1, "n");

        assertThat(http.get("/api/streams/" + path(stream) + "?limit=0").status()).isEqualTo(400);
        assertThat(http.get("/api/streams/" + path(stream) + "?limit=1001").status()).isEqualTo(400);
        assertThat(http.get("/api/streams/" + path(stream) + "?limit=-1").status()).isEqualTo(400);
        assertThat(http.get("/api/streams/" + path(stream) + "?from=-1").status()).isEqualTo(400);
        assertThat(http.get("/api/streams/" + path(stream) + "?from=99999999999999999999").status()).isEqualTo(400);
        assertThat(http.get("/api/streams/" + path(stream) + "?direction=sideways").json().path("field").asString())
                .isEqualTo("direction");
        assertThat(http.get("/api/events?after=-3").status()).isEqualTo(400);
        assertThat(http.get("/api/events?limit=many").status()).isEqualTo(400);
        assertThat(http.get("/api/events?type=%00").status()).isEqualTo(400);
        assertThat(http.get("/api/events?type=a%FFb").status()).isEqualTo(400);
        assertThat(http.get("/api/events?category=a%20b").status()).isEqualTo(400);
    }

    @Test
    void readsTheWholeStoreInGlobalOrderWithACursor() {
        String type = "global." + UUID.randomUUID();
        String stream = uniqueStream("global");
        appendNumbered(stream, 3, type);

        JsonNode first = http.get("/api/events?type=" + type + "&limit=2").json();
        JsonNode second = http.get("/api/events?type=" + type + "&limit=2&after=" + first.path("next").asLong()).json();
        JsonNode empty = http.get("/api/events?type=" + type + "&after=" + second.path("next").asLong()).json();

        assertThat(versions(first)).containsExactly(0L, 1L);
        assertThat(versions(second)).containsExactly(2L);
        assertThat(versions(empty)).isEmpty();
        assertThat(empty.path("next").asLong()).isEqualTo(second.path("next").asLong());
        assertThat(first.path("events").get(1).path("globalPosition").asLong())
                .isGreaterThan(first.path("events").get(0).path("globalPosition").asLong());
    }

    @Test
    void filtersTheWholeStoreByCategory() {
        String category = "cat" + UUID.randomUUID().toString().substring(0, 8);
        appendNumbered(category + "-1", 1, "c");
        appendNumbered(category + "-2", 1, "c");
        appendNumbered(category + "x-3", 1, "c");

        JsonNode page = http.get("/api/events?category=" + category).json();
        JsonNode typed = http.get("/api/events?category=" + category + "&type=other").json();

        assertThat(page.path("events")).hasSize(2);
        assertThat(page.path("events").get(0).path("stream").asString()).isEqualTo(category + "-1");
        assertThat(typed.path("events")).isEmpty();
    }

    @Test
    void readsOneEventById() {
        String stream = uniqueStream("one");
        UUID id = UUID.randomUUID();
        http.post("/api/streams/" + path(stream),
                "{\"events\": [{\"id\": \"" + id + "\", \"type\": \"t\", \"data\": 7}]}");

        JsonNode event = http.get("/api/events/" + id).json();
        HubHttp.Response missing = http.get("/api/events/" + UUID.randomUUID());
        HubHttp.Response malformed = http.get("/api/events/not-a-uuid");

        assertThat(event.path("stream").asString()).isEqualTo(stream);
        assertThat(event.path("data").asInt()).isEqualTo(7);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problem()).isEqualTo("event-not-found");
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void recordsTimesInUtcWhateverTheJvmAndDatabaseZones() {
        assertThat(TimeZone.getDefault().getID()).isNotEqualTo("UTC");
        assertThat(TestDatabases.DATABASE_TIME_ZONE).isNotEqualTo(TimeZone.getDefault().getID());
        String stream = uniqueStream("time");
        Instant before = Instant.now();

        appendNumbered(stream, 1, "t");

        String recordedAt = http.get("/api/streams/" + path(stream)).json()
                .path("events").get(0).path("recordedAt").asString();
        assertThat(recordedAt).endsWith("Z");
        assertThat(Instant.parse(recordedAt)).isCloseTo(before, within(30, ChronoUnit.SECONDS));
    }
}
