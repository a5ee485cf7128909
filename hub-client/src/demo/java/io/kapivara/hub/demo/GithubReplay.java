package io.kapivara.hub.demo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.client.model.ProblemTypes;

/**
 * Replays the real GitHub webhook deliveries of the npm package {@code @octokit/webhooks-examples}
 * 7.6.1 into a running hub, through its GitHub adapter {@code POST /api/ingest/github}, one after
 * the other, with a progress bar and a summary of the answers. Run it with
 * {@code ./mvnw -q -pl hub-client -Pdemo compile exec:java -Dexec.args="--hub http://localhost:8080"};
 * {@code --help} lists the options.
 *
 * <p>Each delivery carries a fixed {@code X-GitHub-Delivery}, so a second run stores nothing new.
 * The exit status is 0 when the hub stored or replayed every delivery, 1 when it refused any or
 * could not be reached, 2 for a wrong command line.
 */
public final class GithubReplay {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpClient http;
    private final URI hub;
    private final URI endpoint;
    private final @Nullable SecretKeySpec secret;

    private GithubReplay(HttpClient http, ReplayOptions options) {
        this.http = http;
        this.hub = options.hub();
        this.endpoint = URI.create(options.hub() + "/api/ingest/github");
        this.secret = options.secret() == null ? null
                : new SecretKeySpec(options.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public static void main(String[] args) {
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(ReplayOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ReplayOptions.USAGE);
            return;
        }
        int status = run(options);
        if (status != 0) {
            System.exit(status);
        }
    }

    private static int run(ReplayOptions options) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
            List<Delivery> deliveries = WebhookExamples.load(options);
            ReplaySummary summary = new GithubReplay(http, options).replay(deliveries);
            return summary.refusedCount() == 0 ? 0 : 1;
        } catch (ReplayException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private ReplaySummary replay(List<Delivery> deliveries) {
        System.out.printf("Replaying %d GitHub deliveries into %s (%s)%n", deliveries.size(), endpoint,
                secret == null ? "unsigned" : "signed with X-Hub-Signature-256");
        Progress progress = Progress.onConsole(deliveries.size());
        ReplaySummary summary = new ReplaySummary();
        long start = System.nanoTime();
        int sent = 0;
        try {
            for (Delivery delivery : deliveries) {
                send(delivery, summary);
                progress.show(++sent, delivery.type());
            }
        } finally {
            progress.finish();
            if (sent > 0) {
                summary.print(System.out, sent, Duration.ofNanos(System.nanoTime() - start));
            }
        }
        return summary;
    }

    private void send(Delivery delivery, ReplaySummary summary) {
        HttpResponse<String> response = post(delivery);
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            summary.stored(JSON.readValue(response.body(), AppendResponse.class));
            return;
        }
        JsonNode problem = problemOf(response.body());
        String type = ProblemTypes.slugOf(problem.path("type").asString(""));
        summary.refused(delivery, (status + " " + type).strip(), problem.path("detail").asString(""));
    }

    private HttpResponse<String> post(Delivery delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-GitHub-Event", delivery.event())
                .header("X-GitHub-Delivery", delivery.deliveryId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        if (secret != null) {
            request.header("X-Hub-Signature-256", signature(delivery.body()));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new ReplayException("No hub answers at " + hub + ": start one with "
                    + "./mvnw -pl hub-server -am spring-boot:run, or name it with --hub URL", e);
        } catch (IOException e) {
            throw new ReplayException("Sending " + delivery.event() + "#" + delivery.index() + " to " + endpoint
                    + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("Interrupted while sending to " + endpoint, e);
        }
    }

    /** GitHub's signature: {@code sha256=} and the hex HMAC-SHA256 of the body under the secret. */
    private String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /** The problem detail of a refusal, or an empty object when the body is not JSON. */
    private static JsonNode problemOf(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }
}
