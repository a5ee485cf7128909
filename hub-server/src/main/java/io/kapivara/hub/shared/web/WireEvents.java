package io.kapivara.hub.shared.web;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

import io.kapivara.hub.store.JsonText;
import io.kapivara.hub.store.RecordedEvent;

/**
 * Maps store results to the wire model. Stored JSON is passed through as raw text: it was
 * validated on the way in and PostgreSQL hands it back well-formed, so it is never parsed again.
 */
public final class WireEvents {

    private WireEvents() {
    }

    public static io.kapivara.hub.client.model.RecordedEvent toWire(RecordedEvent event) {
        return new io.kapivara.hub.client.model.RecordedEvent(event.id(), event.stream(), event.type(),
                raw(event.data()), event.metadata() == null ? null : raw(event.metadata()), event.version(),
                event.globalPosition(), event.bucket(), event.offset(), event.recordedAt());
    }

    public static List<io.kapivara.hub.client.model.RecordedEvent> toWire(List<RecordedEvent> events) {
        return events.stream().map(WireEvents::toWire).toList();
    }

    /** Stored JSON as a node that writes its text unchanged. */
    public static JsonNode raw(JsonText json) {
        return JsonNodeFactory.instance.rawValueNode(new RawValue(json.json()));
    }
}
