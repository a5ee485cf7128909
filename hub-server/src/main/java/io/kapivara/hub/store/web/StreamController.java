package io.kapivara.hub.store.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.client.model.EventPage;
import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.StreamPage;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.StorableJson;
import io.kapivara.hub.shared.web.WireEvents;
import io.kapivara.hub.store.AppendResult;
import io.kapivara.hub.store.AppendService;
import io.kapivara.hub.store.StoreQueries;

/** Appends to streams and reads them, under {@code /api}. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class StreamController {

    private final AppendService appends;
    private final StoreQueries queries;
    private final StorableJson json;
    private final AppendBodyReader bodies;

    StreamController(AppendService appends, StoreQueries queries, StorableJson json) {
        this.appends = appends;
        this.queries = queries;
        this.json = json;
        this.bodies = new AppendBodyReader(json, new IdGenerator());
    }

    @PostMapping(path = "/streams/{stream}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"})
    ResponseEntity<AppendResponse> append(@PathVariable String stream, HttpServletRequest request)
            throws IOException {
        var command = bodies.read(stream, json.read(request.getInputStream()));
        AppendResult result = appends.append(command);
        HttpStatus status = result.replay() ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(toWire(result));
    }

    @GetMapping("/streams/{stream}")
    StreamPage read(@PathVariable String stream,
            @RequestParam(required = false) @Nullable Long from,
            @RequestParam(defaultValue = "forward") String direction,
            @RequestParam(defaultValue = "100") int limit) {
        StoreQueries.Direction way = direction(direction);
        StoreQueries.StreamPage page = queries.readStream(stream, from, way, limit);
        return new StreamPage(page.stream(), page.version(), page.bucket(), direction,
                next(page, way, limit), WireEvents.toWire(page.events()));
    }

    @GetMapping("/events")
    EventPage readAll(@RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String category) {
        StoreQueries.GlobalPage page = queries.readAll(after, limit, type, category);
        return new EventPage(WireEvents.toWire(page.events()), page.next());
    }

    @GetMapping("/events/{id}")
    RecordedEvent event(@PathVariable String id) {
        return WireEvents.toWire(queries.event(EventIds.parse("id", id)));
    }

    private static AppendResponse toWire(AppendResult result) {
        return new AppendResponse(result.stream(), result.bucket(), result.version(), result.replay(),
                result.events().stream()
                        .map(p -> new AppendResponse.Position(p.id(), p.version(), p.globalPosition(), p.offset()))
                        .toList());
    }

    private static StoreQueries.Direction direction(String direction) {
        return switch (direction) {
            case "forward" -> StoreQueries.Direction.FORWARD;
            case "backward" -> StoreQueries.Direction.BACKWARD;
            default -> throw new InvalidRequestException("direction", direction, "A direction is forward or backward");
        };
    }

    private static @Nullable Long next(StoreQueries.StreamPage page, StoreQueries.Direction way, int limit) {
        if (page.events().size() < limit) {
            return null;
        }
        long last = page.events().getLast().version();
        return switch (way) {
            case FORWARD -> last < page.version() ? last + 1 : null;
            case BACKWARD -> last > 0 ? last - 1 : null;
        };
    }
}
