package io.kapivara.hub.store;

import static io.kapivara.hub.testing.HubHttp.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/**
 * A stream is read by its name in a URL, so every name the hub stores must travel in one: what a
 * URL path cannot carry past the web server is refused at every way in, and everything else is
 * read back by its URL, on the API and on the dashboard.
 */
@HubServerTest
class StreamNamesInUrlsIT {

    private static final Pattern STREAM_LINK = Pattern.compile("href=\"(/streams/[^\"?]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private HubHttp.Response githubPush(String fullName, String delivery) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putObject("repository").put("full_name", fullName);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/github"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", delivery)
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString())));
    }

    private HubHttp.Response cloudEvent(String source, String subject) {
        ObjectNode event = JsonNodeFactory.instance.objectNode()
                .put("specversion", "1.0").put("id", unique()).put("source", source).put("type", "t");
        if (subject != null) {
            event.put("subject", subject);
        }
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/cloudevents"))
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())));
    }

    private long storedIn(String stream) {
        return jdbc.queryForObject("SELECT count(*) FROM events WHERE stream = ?", Long.class, stream);
    }

    private static void assertRefusedNaming(HubHttp.Response response, String field, String value) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.problem()).isEqualTo("invalid-request");
        assertThat(response.json().path("field").asString()).isEqualTo(field);
        assertThat(response.json().path("value").asString()).isEqualTo(value);
        assertThat(response.json().path("rule").asString()).contains("URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x;y/z%", "octo;org/repo", "octo/re\\po", ".", ".."})
    void refusesARepositoryNameAUrlCannotCarryAndStoresNothing(String fullName) {
        // given
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response response = githubPush(fullName, delivery);

        // then
        assertRefusedNaming(response, "repository.full_name", fullName);
        assertThat(storedIn(fullName)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"order;42", "order\\42", ".", ".."})
    void refusesACloudEventSubjectAUrlCannotCarryAndStoresNothing(String subject) {
        // when
        HubHttp.Response response = cloudEvent("/" + unique(), subject);

        // then
        assertRefusedNaming(response, "subject", subject);
        assertThat(storedIn(subject)).isZero();
    }

    @Test
    void refusesACloudEventSourceAUrlCannotCarryWhenItNamesTheStream() {
        // given a valid URI reference holding a semicolon, and no subject
        String source = "https://shop.example/orders;v=" + unique();

        // when
        HubHttp.Response response = cloudEvent(source, null);

        // then
        assertRefusedNaming(response, "source", source);
        assertThat(storedIn(source)).isZero();
    }

    @Test
    void refusesAnAppendToAStreamNameHoldingASemicolonWithTheRuleAndThePath() {
        // given
        String stream = "order;" + unique();

        // when
        HubHttp.Response response = http.post("/api/streams/" + path(stream),
                "{\"events\": [{\"type\": \"a\", \"data\": 1}]}");

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problem()).isEqualTo("invalid-request");
        assertThat(response.json().path("rule").asString()).contains("%3B");
        assertThat(response.json().path("value").asString()).isEqualTo("/api/streams/" + path(stream));
        assertThat(storedIn(stream)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/orders-", "o//r-", "100%-", "a/./b-", "x/..-", "../", "//", "%2F-"})
    void readsBackByItsUrlEveryNameAnAppendStores(String prefix) {
        // given
        String stream = prefix + unique();
        HubHttp.Response appended = http.post("/api/streams/" + path(stream),
                "{\"events\": [{\"type\": \"a\", \"data\": 1}]}");

        // when
        HubHttp.Response read = http.get("/api/streams/" + path(stream));
        HubHttp.Response page = http.get("/streams/" + path(stream));

        // then
        assertThat(appended.status()).as(appended.body()).isEqualTo(201);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("stream").asString()).isEqualTo(stream);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
    }

    @Test
    void readsBackByItsUrlTheStreamOfACloudEventNamedByAnAbsoluteUriSource() {
        // given
        String source = "https://shop.example/" + unique() + "/orders";
        HubHttp.Response ingested = cloudEvent(source, null);

        // when
        HubHttp.Response read = http.get("/api/streams/" + path(source));

        // then
        assertThat(ingested.status()).as(ingested.body()).isEqualTo(201);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("stream").asString()).isEqualTo(source);
    }

    @Test
    void opensTheStreamPageTheDashboardLinksToForANameWithEmptySegmentsAndPercent() {
        // given
        String stream = "https://" + unique() + ".example/a%20b//c";
        http.post("/api/streams/" + path(stream), "{\"events\": [{\"type\": \"a\", \"data\": 1}]}");
        String list = http.get("/streams?prefix=" + path(stream)).body();

        // when
        Matcher link = STREAM_LINK.matcher(list);
        assertThat(link.find()).as(list).isTrue();
        HubHttp.Response page = http.get(HtmlUtils.htmlUnescape(link.group(1)));

        // then
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains(HtmlUtils.htmlEscape(stream));
    }
}
