package io.kapivara.hub.bus.web;

import java.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.bus.OperatorService;
import io.kapivara.hub.bus.SeekTarget;
import io.kapivara.hub.client.model.AssignRequest;
import io.kapivara.hub.client.model.AuditPage;
import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.client.model.SeekRequest;
import io.kapivara.hub.shared.InvalidRequestException;

/** Operator actions on owners, and the audit log that records them. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class OperatorController {

    private final OperatorService operators;
    private final BusQueries queries;

    OperatorController(OperatorService operators, BusQueries queries) {
        this.operators = operators;
        this.queries = queries;
    }

    @PostMapping("/owners/{owner}/buckets/{bucket}/assign")
    BucketCheckpoint assign(@PathVariable String owner, @PathVariable int bucket, @RequestBody AssignRequest body,
            @Nullable Principal actor) {
        if (body.key() == null || body.key().isEmpty()) {
            throw new InvalidRequestException("key", body.key(), "An assignment names the subscription key");
        }
        operators.assign(owner, bucket, body.key(), name(actor));
        return BusWire.checkpoint(queries.bucket(owner, bucket));
    }

    @PostMapping("/owners/{owner}/buckets/{bucket}/release")
    BucketCheckpoint release(@PathVariable String owner, @PathVariable int bucket,
            @RequestBody(required = false) @Nullable String body, @Nullable Principal actor) {
        noBody(body);
        operators.release(owner, bucket, name(actor));
        return BusWire.checkpoint(queries.bucket(owner, bucket));
    }

    @PostMapping("/owners/{owner}/buckets/{bucket}/seek")
    BucketCheckpoint seek(@PathVariable String owner, @PathVariable int bucket, @RequestBody SeekRequest body,
            @Nullable Principal actor) {
        operators.seek(owner, bucket, target(body), name(actor));
        return BusWire.checkpoint(queries.bucket(owner, bucket));
    }

    @PostMapping("/owners/{owner}/seek")
    OwnerStatus seekAll(@PathVariable String owner, @RequestBody SeekRequest body, @Nullable Principal actor) {
        operators.seekAll(owner, target(body), name(actor));
        return BusWire.owner(queries.owner(owner), Instant.now());
    }

    @PostMapping("/owners/{owner}/pause")
    OwnerStatus pause(@PathVariable String owner, @RequestBody(required = false) @Nullable String body,
            @Nullable Principal actor) {
        noBody(body);
        operators.setPaused(owner, true, name(actor));
        return BusWire.owner(queries.owner(owner), Instant.now());
    }

    @PostMapping("/owners/{owner}/resume")
    OwnerStatus resume(@PathVariable String owner, @RequestBody(required = false) @Nullable String body,
            @Nullable Principal actor) {
        noBody(body);
        operators.setPaused(owner, false, name(actor));
        return BusWire.owner(queries.owner(owner), Instant.now());
    }

    @GetMapping("/audit")
    AuditPage audit(@RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable Long before,
            @RequestParam(defaultValue = "100") int limit) {
        // An empty owner= counts as absent, as an empty before= does.
        var entries = queries.audit(owner == null || owner.isEmpty() ? null : owner, before, limit);
        Long next = entries.size() < limit ? null : entries.getLast().id();
        return new AuditPage(entries.stream().map(BusWire::audit).toList(), next);
    }

    // A body sent to an action that takes none was meant to say something (say, {"paused": false}
    // to a pause); acting on the path alone would do what its sender did not ask for.
    private static void noBody(@Nullable String body) {
        if (body != null && !body.isBlank()) {
            throw new InvalidRequestException("body", body, "This action takes no request body");
        }
    }

    /** Who acted, for the audit log: the token's name, or none when the hub runs without tokens. */
    static @Nullable String name(@Nullable Principal actor) {
        return actor == null ? null : actor.getName();
    }

    static SeekTarget target(@Nullable SeekRequest body) {
        Object to = body == null ? null : body.to();
        if (to instanceof Number number && (number instanceof Integer || number instanceof Long)) {
            return new SeekTarget.Offset(number.longValue());
        }
        if (to instanceof String text) {
            switch (text) {
                case "earliest" -> { return new SeekTarget.Earliest(); }
                case "latest" -> { return new SeekTarget.Latest(); }
                default -> {
                    try {
                        return new SeekTarget.Time(Instant.parse(text));
                    } catch (DateTimeParseException e) {
                        // falls through to the refusal below
                    }
                }
            }
        }
        throw new InvalidRequestException("to", to,
                "A seek goes to \"earliest\", \"latest\", an offset, or an ISO-8601 time in years 1 to 9999");
    }
}
