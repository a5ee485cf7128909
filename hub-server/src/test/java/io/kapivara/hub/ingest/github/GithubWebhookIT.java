package io.kapivara.hub.ingest.github;

import static io.kapivara.hub.testing.HubHttp.uniqueStream;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.kapivara.hub.ingest.github.GithubExamples.Example;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

@HubServerTest
class GithubWebhookIT {

    private static final Logger log = LoggerFactory.getLogger(GithubWebhookIT.class);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    HubHttp http;

    @BeforeEach
    void client() {
        http = new HubHttp(port);
    }

    private HttpRequest.Builder delivery(String event, String delivery, byte[] body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ingest/github"))
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/test")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery)
                .header("X-GitHub-Hook-ID", "42")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HubHttp.Response deliver(Example example, String delivery) {
        return http.send(delivery(example.event(), delivery, example.body()));
    }

    private long eventsWithId(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM events WHERE id = ?", Long.class, id);
    }

    private boolean storedDataEquals(UUID id, byte[] payload) {
        return jdbc.queryForObject("SELECT data = ?::jsonb FROM events WHERE id = ?", Boolean.class,
                new String(payload, StandardCharsets.UTF_8), id);
    }

    private String partitionKeyOf(String stream) {
        return jdbc.queryForObject("SELECT partition_key FROM streams WHERE stream = ?", String.class, stream);
    }

    /** A sample push moved to a repository of its own, so that the test owns its stream. */
    private static Example pushTo(String owner, String name) {
        Example push = GithubExamples.first("push", "");
        ObjectNode repository = (ObjectNode) push.payload().path("repository");
        repository.put("full_name", owner + "/" + name).put("name", name);
        ((ObjectNode) repository.path("owner")).put("login", owner);
        return push;
    }

    @Test
    void ingestsEveryExampleDelivery() {
        // given every example: the committed sample, or the whole package file when named
        List<Example> examples = GithubExamples.all();
        int created = 0;

        // when each is delivered once
        for (Example example : examples) {
            String delivery = UUID.randomUUID().toString();
            HubHttp.Response response = deliver(example, delivery);

            // then
            assertThat(response.status()).as("%s %s: %s", example.event(), example.action(), response.body())
                    .isEqualTo(201);
            UUID id = GithubDeliveryMapper.eventId(delivery);
            assertThat(response.json().path("events").get(0).path("id").asString()).isEqualTo(id.toString());
            assertThat(storedDataEquals(id, example.body())).as("stored payload of %s", example.event()).isTrue();
            created++;
        }
        log.info("GitHub examples from [{}]: delivered [{}] created [{}]", GithubExamples.origin(), examples.size(),
                created);
        assertThat(created).isEqualTo(examples.size()).isPositive();
    }

    @Test
    void answersARedeliveryAsAReplayAndStoresNothingNew() {
        // given
        String owner = uniqueStream("owner");
        Example push = pushTo(owner, "redelivered");
        String delivery = UUID.randomUUID().toString();
        HubHttp.Response first = deliver(push, delivery);

        // when GitHub redelivers: same delivery GUID, same payload, same hook
        HubHttp.Response again = deliver(push, delivery);

        // then
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("replay").asBoolean()).isTrue();
        assertThat(again.json().path("events")).isEqualTo(first.json().path("events"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM events WHERE stream = ?", Long.class,
                owner + "/redelivered")).isEqualTo(1);
    }

    @Test
    void appendsARepositoryDeliveryToItsStreamWithTypeMetadataAndOwnerAsPartitionKey() {
        // given
        String owner = uniqueStream("owner");
        Example push = pushTo(owner, "hello-world");
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response response = http.send(delivery("push", delivery, push.body())
                .header("X-GitHub-Hook-Installation-Target-Type", "repository")
                .header("X-GitHub-Hook-Installation-Target-ID", "35129377"));

        // then
        assertThat(response.status()).isEqualTo(201);
        String stream = owner + "/hello-world";
        assertThat(response.json().path("stream").asString()).isEqualTo(stream);
        assertThat(partitionKeyOf(stream)).isEqualTo(owner);
        JsonNode event = http.get("/api/events/" + GithubDeliveryMapper.eventId(delivery)).json();
        assertThat(event.path("stream").asString()).isEqualTo(stream);
        assertThat(event.path("type").asString()).isEqualTo("push");
        assertThat(event.path("data").path("ref").asString()).isEqualTo(push.payload().path("ref").asString());
        assertThat(event.path("metadata").path("event").asString()).isEqualTo("push");
        assertThat(event.path("metadata").path("delivery").asString()).isEqualTo(delivery);
        assertThat(event.path("metadata").path("hookId").asString()).isEqualTo("42");
        assertThat(event.path("metadata").path("hookInstallationTargetType").asString()).isEqualTo("repository");
        assertThat(event.path("metadata").path("hookInstallationTargetId").asString()).isEqualTo("35129377");
    }

    @Test
    void putsTheRepositoriesOfOneOwnerInOneBucket() {
        // given
        String owner = uniqueStream("owner");

        // when
        List<Integer> buckets = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> deliver(pushTo(owner, "repo-" + i), UUID.randomUUID().toString()))
                .map(response -> response.json().path("bucket").asInt())
                .toList();

        // then
        assertThat(buckets).containsOnly(buckets.getFirst());
    }

    @Test
    void appendsAnIssuesDeliveryWithItsAction() {
        // given
        Example issue = GithubExamples.first("issues", "opened");
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response response = deliver(issue, delivery);

        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(http.get("/api/events/" + GithubDeliveryMapper.eventId(delivery)).json().path("type").asString())
                .isEqualTo("issues.opened");
    }

    @Test
    void appendsOrganizationInstallationAndSenderDeliveriesToTheirStreams() {
        // given
        String login = uniqueStream("acct");
        long installationId = Math.abs(UUID.randomUUID().getMostSignificantBits());
        Example organization = GithubExamples.first("organization", "member_added");
        ((ObjectNode) organization.payload().path("organization")).put("login", login);
        Example installation = GithubExamples.first("installation", "created");
        ((ObjectNode) installation.payload().path("installation")).put("id", installationId);
        ((ObjectNode) installation.payload().path("installation").path("account")).put("login", login);
        Example purchase = GithubExamples.first("marketplace_purchase", "purchased");
        ((ObjectNode) purchase.payload().path("sender")).put("login", login);

        // when
        HubHttp.Response org = deliver(organization, UUID.randomUUID().toString());
        HubHttp.Response app = deliver(installation, UUID.randomUUID().toString());
        HubHttp.Response sender = deliver(purchase, UUID.randomUUID().toString());

        // then
        assertThat(org.json().path("stream").asString()).isEqualTo("org-" + login);
        assertThat(app.json().path("stream").asString()).isEqualTo("installation-" + installationId);
        assertThat(sender.json().path("stream").asString()).isEqualTo("sender-" + login);
        assertThat(List.of(partitionKeyOf("org-" + login), partitionKeyOf("installation-" + installationId),
                partitionKeyOf("sender-" + login))).containsOnly(login);
        assertThat(List.of(org.json().path("bucket").asInt(), app.json().path("bucket").asInt()))
                .containsOnly(sender.json().path("bucket").asInt());
    }

    @Test
    void appendsADeliveryNamingNoAccountToTheStreamOfItsEvent() {
        // given
        Example advisory = GithubExamples.first("security_advisory", "published");
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response response = deliver(advisory, delivery);

        // then
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("stream").asString()).isEqualTo("github-security_advisory");
        assertThat(eventsWithId(GithubDeliveryMapper.eventId(delivery))).isEqualTo(1);
    }

    @Test
    void keepsTheStreamOfAnInstallationWhoseAccountWasRenamed() {
        // given an installation stream created under one account login
        long installationId = Math.abs(UUID.randomUUID().getMostSignificantBits());
        String before = uniqueStream("before");
        Example created = GithubExamples.first("installation", "created");
        ((ObjectNode) created.payload().path("installation")).put("id", installationId);
        ((ObjectNode) created.payload().path("installation").path("account")).put("login", before);
        HubHttp.Response first = deliver(created, UUID.randomUUID().toString());

        // when a later delivery names the account by its new login
        ((ObjectNode) created.payload().path("installation").path("account")).put("login", uniqueStream("after"));
        HubHttp.Response later = deliver(created, UUID.randomUUID().toString());

        // then it is appended to the same stream and bucket, which keeps its first key
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.json().path("stream").asString()).isEqualTo("installation-" + installationId);
        assertThat(later.json().path("bucket").asInt()).isEqualTo(first.json().path("bucket").asInt());
        assertThat(later.json().path("version").asLong()).isEqualTo(1);
        assertThat(partitionKeyOf("installation-" + installationId)).isEqualTo(before);
    }

    @Test
    void acceptsAFormEncodedDeliveryAndKeepsNonAsciiText() {
        // given a payload with emoji, sent the way a hook set to application/x-www-form-urlencoded sends it
        Example alert = GithubExamples.first("dependabot_alert", "created");
        String text = new String(alert.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("📦");
        String form = "payload=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response response = http.send(delivery("dependabot_alert", delivery,
                form.getBytes(StandardCharsets.US_ASCII))
                .setHeader("Content-Type", "application/x-www-form-urlencoded"));

        // then
        assertThat(response.status()).isEqualTo(201);
        UUID id = GithubDeliveryMapper.eventId(delivery);
        assertThat(storedDataEquals(id, alert.body())).isTrue();
        assertThat(http.get("/api/events/" + id).body()).contains("📦");
    }

    @Test
    void refusesADeliveryWithoutItsEventOrDeliveryHeader() {
        // given
        Example push = GithubExamples.first("push", "");
        String delivery = UUID.randomUUID().toString();
        HttpRequest.Builder noEvent = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/ingest/github"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Delivery", delivery)
                .POST(HttpRequest.BodyPublishers.ofByteArray(push.body()));
        HttpRequest.Builder noDelivery = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/ingest/github"))
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", "push")
                .POST(HttpRequest.BodyPublishers.ofByteArray(push.body()));

        // when
        HubHttp.Response withoutEvent = http.send(noEvent);
        HubHttp.Response withoutDelivery = http.send(noDelivery);

        // then
        assertThat(withoutEvent.status()).isEqualTo(400);
        assertThat(withoutEvent.problem()).isEqualTo("invalid-request");
        assertThat(withoutEvent.json().path("field").asString()).isEqualTo("X-GitHub-Event");
        assertThat(withoutDelivery.status()).isEqualTo(400);
        assertThat(withoutDelivery.json().path("field").asString()).isEqualTo("X-GitHub-Delivery");
        assertThat(eventsWithId(GithubDeliveryMapper.eventId(delivery))).isZero();
    }

    @Test
    void acceptsAnyOrNoSignatureWhenNoSecretIsSet() {
        // given
        Example push = pushTo(uniqueStream("owner"), "unsigned");
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response response = http.send(delivery("push", delivery, push.body())
                .header("X-Hub-Signature-256", "sha256=00"));

        // then
        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void refusesMalformedJsonAPayloadThatIsNoObjectAndAFormWithoutPayload() {
        // given
        String delivery = UUID.randomUUID().toString();

        // when
        HubHttp.Response malformed = http.send(delivery("push", delivery, "{\"ref\":".getBytes()));
        HubHttp.Response array = http.send(delivery("push", delivery, "[1]".getBytes()));
        HubHttp.Response form = http.send(delivery("push", delivery, "other=1".getBytes())
                .setHeader("Content-Type", "application/x-www-form-urlencoded"));
        HubHttp.Response twice = http.send(delivery("push", delivery, "payload=%7B%7D&payload=%7B%7D".getBytes())
                .setHeader("Content-Type", "application/x-www-form-urlencoded"));

        // then
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("field").asString()).isEqualTo("body");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().path("field").asString()).isEqualTo("payload");
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.json().path("field").asString()).isEqualTo("payload");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().path("rule").asString())
                .isEqualTo("A form-encoded GitHub delivery has one payload field");
        assertThat(eventsWithId(GithubDeliveryMapper.eventId(delivery))).isZero();
    }

    @Test
    void refusesOtherMediaTypes() {
        // given
        Example push = GithubExamples.first("push", "");

        // when
        HubHttp.Response response = http.send(delivery("push", UUID.randomUUID().toString(), push.body())
                .setHeader("Content-Type", "text/plain"));

        // then
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.problem()).isEqualTo("unsupported-media-type");
    }
}
