package io.kapivara.hub.store.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.StorableJson;
import io.kapivara.hub.store.AppendCommand;
import io.kapivara.hub.store.ExpectedVersion;
import io.kapivara.hub.store.JsonText;
import io.kapivara.hub.store.NewEvent;

/**
 * Turns an append body into a command, field by field, so that every refusal names the field and
 * the value at fault.
 */
final class AppendBodyReader {

    private static final Set<String> BODY_FIELDS = Set.of("expectedVersion", "partitionKey", "events");
    private static final Set<String> EVENT_FIELDS = Set.of("id", "type", "data", "metadata");

    private final StorableJson json;
    private final IdGenerator ids;

    AppendBodyReader(StorableJson json, IdGenerator ids) {
        this.json = json;
        this.ids = ids;
    }

    AppendCommand read(String stream, JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidRequestException("body", body.getNodeType(), "An append body is a JSON object");
        }
        onlyKnownFields("", body, BODY_FIELDS, "An append body holds only expectedVersion, partitionKey and events");
        ExpectedVersion expected = expectedVersion(body.get("expectedVersion"));
        String partitionKey = optionalText("partitionKey", body.get("partitionKey"));
        JsonNode events = body.get("events");
        if (events == null || !events.isArray()) {
            throw new InvalidRequestException("events", events == null ? null : events.getNodeType(),
                    "An append has an array of events");
        }
        List<NewEvent> newEvents = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            newEvents.add(event("events[" + i + "]", events.get(i)));
        }
        return new AppendCommand(stream, expected, partitionKey, newEvents);
    }

    private NewEvent event(String path, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidRequestException(path, node.getNodeType(), "An event is a JSON object");
        }
        onlyKnownFields(path + ".", node, EVENT_FIELDS, "An event holds only id, type, data and metadata");
        UUID id = id(path + ".id", node.get("id"));
        String type = optionalText(path + ".type", node.get("type"));
        if (type == null) {
            throw new InvalidRequestException(path + ".type", null, "An event has a type");
        }
        JsonNode data = node.get("data");
        if (data == null) {
            throw new InvalidRequestException(path + ".data", null, "An event has data (any JSON value)");
        }
        JsonText metadata = metadata(path + ".metadata", node.get("metadata"));
        return new NewEvent(id, type, json.storable(path + ".data", data), metadata);
    }

    // A misspelt field would otherwise be dropped without a word: "expectedversion" would append
    // without the version check its sender asked for, "metdata" would store no metadata.
    private static void onlyKnownFields(String prefix, JsonNode node, Set<String> known, String rule) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                throw new InvalidRequestException(prefix + name, name, rule);
            }
        }
    }

    private @Nullable JsonText metadata(String path, @Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidRequestException(path, node.getNodeType(), "Event metadata is a JSON object");
        }
        return json.storable(path, node);
    }

    private UUID id(String path, @Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return ids.next();
        }
        if (!node.isString()) {
            throw new InvalidRequestException(path, node.toString(), EventIds.RULE);
        }
        return EventIds.parse(path, node.asString());
    }

    private static ExpectedVersion expectedVersion(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return ExpectedVersion.ANY;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return ExpectedVersion.exactly(node.longValue());
        }
        if (node.isString()) {
            switch (node.asString()) {
                case "any" -> { return ExpectedVersion.ANY; }
                case "no_stream" -> { return ExpectedVersion.NO_STREAM; }
                case "exists" -> { return ExpectedVersion.STREAM_EXISTS; }
                default -> { }
            }
        }
        throw new InvalidRequestException("expectedVersion", node.toString(),
                "An expected version is \"any\", \"no_stream\", \"exists\" or a version 0 or more");
    }

    private static @Nullable String optionalText(String path, @Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidRequestException(path, node.toString(), "This field is a JSON string");
        }
        return node.asString();
    }
}
