package io.kapivara.hub.ingest.github;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.ingest.AppendResponses;
import io.kapivara.hub.ingest.IngestSettings;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.StorableJson;
import io.kapivara.hub.store.AppendCommand;
import io.kapivara.hub.store.AppendResult;
import io.kapivara.hub.store.AppendService;
import io.kapivara.hub.store.PartitionKeyMismatchException;
import io.kapivara.hub.store.StoreLimits;

/**
 * Takes GitHub webhook deliveries, JSON or form-encoded, and appends each one as one event. The
 * answer is the store's: 201 for a new event, 200 for a redelivery of one already stored.
 */
@RestController
class GithubWebhookController {

    private static final Logger log = LoggerFactory.getLogger(GithubWebhookController.class);

    private final AppendService appends;
    private final StorableJson json;
    private final GithubDeliveryMapper mapper;
    private final @Nullable GithubSignature signature;

    GithubWebhookController(AppendService appends, StorableJson json, StoreLimits limits, IngestSettings settings) {
        this.appends = appends;
        this.json = json;
        this.mapper = new GithubDeliveryMapper(json, limits);
        String secret = settings.github().secret();
        this.signature = secret == null ? null : new GithubSignature(secret);
        log.info("GitHub webhooks at /api/ingest/github: signatures [{}]",
                secret == null ? "not checked, hub.ingest.github.secret is unset" : "required");
    }

    @PostMapping(path = "/api/ingest/github", produces = MediaType.APPLICATION_JSON_VALUE,
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    ResponseEntity<AppendResponse> deliver(@RequestHeader HttpHeaders headers, HttpServletRequest request)
            throws IOException {
        // The signature covers the raw body, so read it whole before anything parses it.
        byte[] body = request.getInputStream().readAllBytes();
        if (signature != null) {
            signature.verify(headers.getFirst(GithubSignature.HEADER), body);
        }
        GithubDelivery delivery = GithubDelivery.of(headers);
        JsonNode payload = json.read(new ByteArrayInputStream(payloadOf(headers.getContentType(), body)));
        AppendResult result = append(mapper.toAppend(delivery, payload));
        log.debug("GitHub delivery [{}] event [{}] to stream [{}] version [{}] replay [{}]", delivery.delivery(),
                delivery.event(), result.stream(), result.version(), result.replay());
        return AppendResponses.answer(result);
    }

    /** The JSON payload: the body itself, or the {@code payload} field of a form-encoded body. */
    private static byte[] payloadOf(@Nullable MediaType contentType, byte[] body) {
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
            return body;
        }
        // Form bodies are ASCII once encoded; the decoded payload is UTF-8.
        String payload = null;
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && "payload".equals(decode(pair.substring(0, equals)))) {
                if (payload != null) {
                    throw new InvalidRequestException("payload", "given twice",
                            "A form-encoded GitHub delivery has one payload field");
                }
                payload = decode(pair.substring(equals + 1));
            }
        }
        if (payload == null) {
            throw new InvalidRequestException("payload", null, "A form-encoded GitHub delivery has a payload field");
        }
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(String formEncoded) {
        try {
            return URLDecoder.decode(formEncoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("payload", formEncoded, "A form field is percent-encoded");
        }
    }

    /**
     * Appends with the delivery's partition key. A stream keeps the key of its first append; when the
     * account behind an installation is renamed, the key changes while the stream does not, and the
     * delivery then follows the stream's bucket instead of being refused.
     */
    private AppendResult append(AppendCommand command) {
        try {
            return appends.append(command);
        } catch (PartitionKeyMismatchException e) {
            log.info("GitHub stream [{}] keeps partition key [{}]; delivery with key [{}] appended to its bucket",
                    e.stream(), e.stored(), e.given());
            return appends.append(new AppendCommand(command.stream(), command.expectedVersion(), null,
                    command.events()));
        }
    }
}
