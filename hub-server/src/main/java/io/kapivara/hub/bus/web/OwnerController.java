package io.kapivara.hub.bus.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.bus.OwnerService;
import io.kapivara.hub.bus.StartFrom;
import io.kapivara.hub.client.model.BucketCheckpoint;
import io.kapivara.hub.client.model.EventPage;
import io.kapivara.hub.client.model.OwnerList;
import io.kapivara.hub.client.model.OwnerRequest;
import io.kapivara.hub.client.model.OwnerStatus;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.WireEvents;

/** Owners and what they have read: {@code /api/owners}. */
@RestController
@RequestMapping(path = "/api/owners", produces = MediaType.APPLICATION_JSON_VALUE)
class OwnerController {

    private final OwnerService owners;
    private final BusQueries queries;

    OwnerController(OwnerService owners, BusQueries queries) {
        this.owners = owners;
        this.queries = queries;
    }

    @PutMapping("/{owner}")
    ResponseEntity<OwnerStatus> put(@PathVariable String owner,
            @RequestBody(required = false) @Nullable OwnerRequest body) {
        OwnerRequest request = body == null ? new OwnerRequest(null, null) : body;
        OwnerService.Put put = owners.put(owner, startFrom(request.startFrom()), request.filter() == null ? null
                : BusWire.filter(request.filter()));
        OwnerStatus status = BusWire.owner(queries.owner(put.owner().name()), Instant.now());
        return ResponseEntity.status(put.created() ? HttpStatus.CREATED : HttpStatus.OK).body(status);
    }

    @GetMapping
    OwnerList list() {
        Instant now = Instant.now();
        return new OwnerList(queries.owners().stream().map(view -> BusWire.summary(view, now)).toList());
    }

    @GetMapping("/{owner}")
    OwnerStatus owner(@PathVariable String owner) {
        return BusWire.owner(queries.owner(owner), Instant.now());
    }

    @GetMapping("/{owner}/buckets/{bucket}")
    BucketCheckpoint bucket(@PathVariable String owner, @PathVariable int bucket) {
        return BusWire.checkpoint(queries.bucket(owner, bucket));
    }

    @GetMapping("/{owner}/streams/{stream}/events")
    EventPage streamEvents(@PathVariable String owner, @PathVariable String stream,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        var page = queries.streamAfterCheckpoint(owner, stream, after, limit);
        return new EventPage(WireEvents.toWire(page.events()), page.next());
    }

    private static @Nullable StartFrom startFrom(@Nullable String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "earliest" -> StartFrom.EARLIEST;
            case "latest" -> StartFrom.LATEST;
            default -> throw new InvalidRequestException("startFrom", value, "startFrom is earliest or latest");
        };
    }
}
