package io.kapivara.hub.bus.web;

import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kapivara.hub.bus.CommitService;
import io.kapivara.hub.bus.FetchService;
import io.kapivara.hub.bus.MembershipService;
import io.kapivara.hub.bus.OperatorService;
import io.kapivara.hub.client.model.AssignmentResponse;
import io.kapivara.hub.client.model.Commit;
import io.kapivara.hub.client.model.FetchResponse;
import io.kapivara.hub.client.model.SubscribeRequest;
import io.kapivara.hub.shared.InvalidRequestException;

/** The nodes of an owner: subscribe, heartbeat, fetch, commit, leave. */
@RestController
@RequestMapping(path = "/api/owners/{owner}/subscriptions", produces = MediaType.APPLICATION_JSON_VALUE)
class SubscriptionController {

    private final MembershipService membership;
    private final FetchService fetches;
    private final CommitService commits;
    private final OperatorService operators;

    private final Counter fetched;

    SubscriptionController(MembershipService membership, FetchService fetches, CommitService commits,
            OperatorService operators, MeterRegistry meters) {
        this.membership = membership;
        this.fetches = fetches;
        this.commits = commits;
        this.operators = operators;
        this.fetched = Counter.builder("hub.fetched.events").description("Events handed out by fetches")
                .register(meters);
    }

    @PostMapping
    AssignmentResponse subscribe(@PathVariable String owner,
            @RequestBody(required = false) @Nullable SubscribeRequest body) {
        return BusWire.assignment(membership.subscribe(owner, body == null ? null : body.key()));
    }

    @PostMapping("/{key}/heartbeat")
    AssignmentResponse heartbeat(@PathVariable String owner, @PathVariable String key) {
        return BusWire.assignment(membership.heartbeat(owner, key));
    }

    /** A node leaving; with {@code evict=true}, an operator ending it (written to the audit log). */
    @DeleteMapping("/{key}")
    ResponseEntity<Void> leave(@PathVariable String owner, @PathVariable String key,
            @RequestParam(defaultValue = "false") boolean evict, @Nullable Principal actor) {
        if (evict) {
            operators.evict(owner, key, OperatorController.name(actor));
        } else {
            membership.leave(owner, key);
        }
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    @GetMapping("/{key}/events")
    FetchResponse fetch(@PathVariable String owner, @PathVariable String key,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") long waitMs,
            @RequestParam(defaultValue = "0") long lingerMs,
            @RequestParam(required = false) @Nullable String cursor) {
        FetchService.Fetch fetch = fetches.fetch(owner, key, limit, Duration.ofMillis(waitMs),
                Duration.ofMillis(lingerMs), BusWire.cursor(cursor));
        fetched.increment(fetch.events().size());
        return BusWire.fetch(fetch);
    }

    @PostMapping("/{key}/commits")
    ResponseEntity<Void> commit(@PathVariable String owner, @PathVariable String key,
            @RequestBody List<@Nullable Commit> body) {
        commits.commit(owner, key, commits(body));
        return ResponseEntity.noContent().build();
    }

    private static List<CommitService.Commit> commits(List<@Nullable Commit> body) {
        List<CommitService.Commit> commits = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            Commit commit = body.get(i);
            if (commit == null) {
                throw new InvalidRequestException("[" + i + "]", "null",
                        "Each commit is an object with bucket, offset and epoch, each a whole number");
            }
            commits.add(new CommitService.Commit(commit.bucket(), commit.offset(), commit.epoch()));
        }
        return commits;
    }
}
