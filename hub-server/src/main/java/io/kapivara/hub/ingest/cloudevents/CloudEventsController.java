package io.kapivara.hub.ingest.cloudevents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.ingest.AppendResponses;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.StorableJson;
import io.kapivara.hub.store.AppendCommand;
import io.kapivara.hub.store.AppendResult;
import io.kapivara.hub.store.AppendService;
import io.kapivara.hub.store.StoreLimits;

/**
 * Takes CloudEvents 1.0 over HTTP in the three content modes: structured ({@code
 * application/cloudevents+json}), batch ({@code application/cloudevents-batch+json}) and binary
 * (any other content type, attributes in {@code ce-} headers).
 */
@RestController
class CloudEventsController {

    private static final Logger log = LoggerFactory.getLogger(CloudEventsController.class);

    static final MediaType STRUCTURED = MediaType.parseMediaType("application/cloudevents+json");
    static final MediaType BATCH = MediaType.parseMediaType("application/cloudevents-batch+json");

    private final AppendService appends;
    private final StorableJson json;
    private final CloudEventReader reader;
    private final CloudEventMapper mapper;

    CloudEventsController(AppendService appends, StorableJson json, StoreLimits limits) {
        this.appends = appends;
        this.json = json;
        this.reader = new CloudEventReader(json);
        this.mapper = new CloudEventMapper(json, limits);
    }

    @PostMapping(path = "/api/ingest/cloudevents", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> ingest(@RequestHeader HttpHeaders headers, HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        MediaType contentType = contentType(headers.getFirst(HttpHeaders.CONTENT_TYPE));
        if (contentType != null && STRUCTURED.equalsTypeAndSubtype(contentType)) {
            return single(reader.structured(json.read(request.getInputStream()), ""));
        }
        if (contentType != null && BATCH.equalsTypeAndSubtype(contentType)) {
            return batch(json.read(request.getInputStream()));
        }
        if (contentType != null && contentType.getSubtype().startsWith("cloudevents")) {
            throw new HttpMediaTypeNotSupportedException(contentType, List.of(STRUCTURED, BATCH), HttpMethod.POST);
        }
        return single(reader.binary(headers, request.getInputStream().readAllBytes()));
    }

    private ResponseEntity<AppendResponse> single(CloudEvent event) {
        AppendResult result = appends.append(mapper.toAppend(event));
        log.debug("CloudEvent source [{}] id [{}] to stream [{}] version [{}] replay [{}]", event.source(),
                event.id(), result.stream(), result.version(), result.replay());
        return AppendResponses.answer(result);
    }

    /**
     * Appends a batch, one append per stream. Each stream's events are stored all or none; the batch
     * as a whole is not atomic, but a failed batch may be sent again: what was stored replays.
     */
    private ResponseEntity<List<AppendResponse>> batch(JsonNode body) {
        if (!body.isArray()) {
            throw new InvalidRequestException("body", body.getNodeType(), "A batch is a JSON array of CloudEvents");
        }
        List<CloudEvent> events = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            events.add(reader.structured(body.get(i), "[" + i + "]."));
        }
        List<AppendResponse> responses = new ArrayList<>();
        boolean stored = false;
        for (AppendCommand command : mapper.toAppends(events)) {
            AppendResult result = appends.append(command);
            stored |= !result.replay();
            responses.add(AppendResponses.toWire(result));
        }
        log.debug("CloudEvents batch of [{}] events in [{}] streams, stored [{}]", events.size(), responses.size(),
                stored);
        return ResponseEntity.status(stored ? HttpStatus.CREATED : HttpStatus.OK).body(responses);
    }

    private static @Nullable MediaType contentType(@Nullable String header) {
        if (header == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            throw new InvalidRequestException(HttpHeaders.CONTENT_TYPE, header, "A Content-Type is a media type");
        }
    }
}
