package io.kapivara.hub.ingest.github;

import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

import io.kapivara.hub.ingest.github.GithubExamples.Example;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
@DirtiesContext
@TestPropertySource(properties = "hub.ingest.github.secret=" + GithubSignatureIT.SECRET)
class GithubSignatureIT {

    static final String SECRET = "a webhook secret for tests";

    private final GithubSignature signer = new GithubSignature(SECRET);

    @LocalServerPort
    int port;

    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    private HttpRequest.Builder delivery(String delivery, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/github"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", delivery)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static byte[] push() {
        Example push = GithubExamples.first("push", "");
        String owner = uniqueStream("signed");
        ObjectNode repository = (ObjectNode) push.payload().path("repository");
        repository.put("full_name", owner + "/repo");
        return push.body();
    }

    private boolean stored(String delivery) {
        return http.get("/api/events/" + GithubDeliveryMapper.eventId(delivery)).status() == 200;
    }

    @Test
    void acceptsADeliverySignedWithTheSecret() {
        // given
        byte[] body = push();
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response response = http.send(delivery(delivery, body)
                .header("X-Hub-Signature-256", signer.headerFor(body)));

        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(stored(delivery)).isTrue();
    }

    @Test
    void acceptsAFormEncodedDeliverySignedOverItsRawBody() {
        // given
        byte[] body = ("payload=" + URLEncoder.encode(new String(push(), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response response = http.send(delivery(delivery, body)
                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Hub-Signature-256", signer.headerFor(body)));

        // then
        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void refusesABadSignatureWith401AndStoresNothing() {
        // given a body signed with another secret, and a body changed after signing
        byte[] body = push();
        String otherSecret = UUID.randomUUID().toString();
        String changed = UUID.randomUUID().toString();

        // when
        HubHttp.Response wrongSecret = http.send(delivery(otherSecret, body)
                .header("X-Hub-Signature-256", new GithubSignature("not the secret").headerFor(body)));
        HubHttp.Response changedBody = http.send(delivery(changed, push())
                .header("X-Hub-Signature-256", signer.headerFor(body)));

        // then
        for (HubHttp.Response response : new HubHttp.Response[] {wrongSecret, changedBody}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.problem()).isEqualTo("invalid-signature");
            assertThat(response.json().path("reason").asString()).isEqualTo("mismatch");
            assertThat(response.json().path("header").asString()).isEqualTo("X-Hub-Signature-256");
        }
        assertThat(stored(otherSecret)).isFalse();
        assertThat(stored(changed)).isFalse();
    }

    @Test
    void refusesAMissingOrMalformedSignatureWith401() {
        // given
        byte[] body = push();
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response missing = http.send(delivery(delivery, body));
        HubHttp.Response malformed = http.send(delivery(delivery, body)
                .header("X-Hub-Signature-256", signer.headerFor(body).replace("sha256=", "sha1=")));

        // then
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.problem()).isEqualTo("invalid-signature");
        assertThat(missing.json().path("reason").asString()).isEqualTo("missing");
        assertThat(malformed.status()).isEqualTo(401);
        assertThat(malformed.json().path("reason").asString()).isEqualTo("malformed");
        assertThat(stored(delivery)).isFalse();
    }

    @Test
    void checksTheSignatureBeforeAnythingElse() {
        // given an unsigned request that also lacks the event header and holds no JSON
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/ingest/github"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("not json"));

        // when
        HubHttp.Response response = http.send(request);

        // then
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problem()).isEqualTo("invalid-signature");
    }
}
