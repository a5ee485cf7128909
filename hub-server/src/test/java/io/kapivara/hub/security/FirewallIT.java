package io.kapivara.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/**
 * What the web server's firewall refuses (a URL or a header it deems dangerous) is answered like
 * every other bad request: a 400 problem detail with the rule and the offending value.
 */
@HubServerTest
class FirewallIT {

    @LocalServerPort
    int port;

    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/streams/a%3Bb", "/api/streams/a;b", "/api/events/%2E%2E", "/streams/a%3Bb"})
    void answersARefusedUrlWithTheUsualProblemDetail(String path) {
        // when
        HubHttp.Response response = http.get(path);

        // then
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json").doesNotContain("ISO-8859-1");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asString()).isEqualTo("urn:kapivara:hub:problem:invalid-request");
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request");
        assertThat(problem.path("instance").asString()).isEqualTo(path);
        assertThat(problem.path("value").asString()).isEqualTo(path);
        assertThat(problem.path("rule").asString()).contains("firewall");
        assertThat(problem.path("detail").asString()).contains(problem.path("rule").asString()).contains(path);
    }

    @Test
    void answersAHeaderValueTheFirewallRefusesWith400RatherThanA500() throws IOException {
        // given a header value holding U+0085 (a C1 control), which HTTP lets through as one byte
        byte[] request = ("POST /api/ingest/github HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nX-GitHub-Event: pu\u0085sh\r\nX-GitHub-Delivery: d1\r\n"
                + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1);

        // when
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // then
        assertThat(answer).startsWith("HTTP/1.1 400");
        JsonNode problem = JsonMapper.builder().build().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(problem.path("type").asString()).isEqualTo("urn:kapivara:hub:problem:invalid-request");
        assertThat(problem.path("rule").asString()).contains("X-GitHub-Event");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/ingest/github");
    }
}
