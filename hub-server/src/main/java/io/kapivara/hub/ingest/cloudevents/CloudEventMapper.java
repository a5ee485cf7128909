package io.kapivara.hub.ingest.cloudevents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.ingest.NameBasedIds;
import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.StorableJson;
import io.kapivara.hub.store.AppendCommand;
import io.kapivara.hub.store.ExpectedVersion;
import io.kapivara.hub.store.NewEvent;
import io.kapivara.hub.store.StoreLimits;

/**
 * Turns checked CloudEvents into appends: the stream is the subject, or the source when there is no
 * subject; the event id is a name-based UUID of (source, id); docs/ingest.md has the whole mapping.
 */
final class CloudEventMapper {

    /** The namespace of the name-based event ids of CloudEvents; fixed forever. */
    static final UUID EVENT_NAMESPACE = UUID.fromString("7cbba2e5-466e-46aa-9a35-4714dd4ee7ae");

    private final StorableJson json;
    private final StoreLimits limits;

    CloudEventMapper(StorableJson json, StoreLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    /** The append of one event. */
    AppendCommand toAppend(CloudEvent event) {
        Placed placed = place(event);
        AppendCommand command = new AppendCommand(placed.stream(), ExpectedVersion.ANY, event.partitionKey(),
                List.of(placed.event()));
        limits.check(command);
        return command;
    }

    /**
     * The appends of a batch: one per stream, in the order each stream first appears, each holding
     * that stream's events in batch order. Every rule is checked here, before anything is stored.
     */
    List<AppendCommand> toAppends(List<CloudEvent> batch) {
        Map<String, List<Placed>> byStream = new LinkedHashMap<>();
        Map<UUID, String> ids = new HashMap<>();
        for (CloudEvent event : batch) {
            Placed placed = place(event);
            String earlier = ids.putIfAbsent(placed.event().id(), event.at());
            if (earlier != null) {
                throw new InvalidRequestException(event.at() + "id", event.id(),
                        "A batch holds each (source, id) once; it is also at " + earlier);
            }
            List<Placed> ofStream = byStream.computeIfAbsent(placed.stream(), stream -> new ArrayList<>());
            ofStream.add(placed);
            if (ofStream.size() > limits.maxEventsPerAppend()) {
                // Each stream's events are one append: named here, at the first event too many.
                throw new InvalidRequestException(placed.at() + (event.subject() != null ? "subject" : "source"),
                        placed.stream(), "A batch carries at most " + limits.maxEventsPerAppend()
                                + " events for one stream");
            }
        }
        List<AppendCommand> commands = new ArrayList<>(byStream.size());
        byStream.forEach((stream, events) -> commands.add(command(stream, events)));
        commands.forEach(limits::check);
        return commands;
    }

    /** The event id of the CloudEvent with this source and id. */
    static UUID eventId(String source, String id) {
        // The length prefix keeps ("ab", "c") and ("a", "bc") apart.
        byte[] sourceBytes = source.getBytes(StandardCharsets.UTF_8);
        String name = sourceBytes.length + ":" + source + id;
        return NameBasedIds.of(EVENT_NAMESPACE, name);
    }

    private Placed place(CloudEvent event) {
        String field = event.at() + (event.subject() != null ? "subject" : "source");
        String stream = event.subject() != null ? event.subject() : event.source();
        limits.checkStreamName(field, stream);
        limits.checkName(event.at() + "type", event.type());
        if (event.partitionKey() != null) {
            limits.checkName(event.at() + "partitionkey", event.partitionKey());
        }
        NewEvent newEvent = new NewEvent(eventId(event.source(), event.id()), event.type(),
                json.storable(event.at() + "data", event.data()),
                json.storable(event.at() + "attributes", event.attributes()));
        return new Placed(stream, event.partitionKey(), event.at(), newEvent);
    }

    private static AppendCommand command(String stream, List<Placed> events) {
        String partitionKey = null;
        for (Placed placed : events) {
            if (placed.partitionKey() == null) {
                continue;
            }
            if (partitionKey != null && !partitionKey.equals(placed.partitionKey())) {
                throw new InvalidRequestException(placed.at() + "partitionkey", placed.partitionKey(),
                        "Events of one stream in a batch share their partitionkey, here [" + partitionKey + "]");
            }
            partitionKey = placed.partitionKey();
        }
        return new AppendCommand(stream, ExpectedVersion.ANY, partitionKey,
                events.stream().map(Placed::event).toList());
    }

    private record Placed(String stream, @Nullable String partitionKey, String at, NewEvent event) {
    }
}
