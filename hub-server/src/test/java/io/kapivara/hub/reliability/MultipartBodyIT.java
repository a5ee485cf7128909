package io.kapivara.hub.reliability;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/**
 * The hub takes no multipart uploads: a multipart body, well formed or not, is refused like any
 * other content type the endpoint does not read, never parsed and never answered with a 500.
 */
@HubServerTest
class MultipartBodyIT {

    private static final String MULTIPART = "multipart/form-data; boundary=x";

    @LocalServerPort
    int port;

    BusCalls bus;

    @BeforeEach
    void client() {
        bus = new BusCalls(port);
    }

    private HubHttp.Response postMultipart(String path, String body) {
        return bus.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", MULTIPART)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A body of no boundary, truncated ones (which a multipart parser fails on), and a whole one. */
    @ParameterizedTest
    @ValueSource(strings = {"garbage", "--x\r\ngarbage", "--x\r\n\r\n",
        "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv",
        "--x\r\nContent-Disposition: form-data; name=\"events\"\r\n\r\n[]\r\n--x--\r\n"})
    void refusesAMultipartAppendAsAnUnsupportedMediaType(String body) {
        // given
        String stream = uniqueStream("multipart");

        // when
        HubHttp.Response response = postMultipart("/api/streams/" + path(stream), body);

        // then
        assertThat(response.status()).as(response.body()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problem()).isEqualTo("unsupported-media-type");
        assertThat(response.json().path("contentType").asString()).startsWith("multipart/form-data");
        assertThat(bus.http().get("/api/streams/" + path(stream)).status()).isEqualTo(404);
    }

    @Test
    void refusesAGarbledMultipartBodyAtEveryEndpointWithAProblemDetail() {
        // given
        String name = uniqueOwner();
        bus.subscribe(name, "k");
        String owner = "/api/owners/" + name;
        String[] paths = {owner + "/subscriptions", owner + "/subscriptions/k/commits", owner + "/buckets/0/seek",
            "/api/ingest/cloudevents", "/api/ingest/github"};

        for (String path : paths) {
            // when
            HubHttp.Response response = postMultipart(path, "--x\r\ngarbage");

            // then
            assertThat(response.status()).as("%s: %s", path, response.body()).isBetween(400, 499);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }
}
