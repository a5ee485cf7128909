package io.kapivara.hub.ingest.cloudevents;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One CloudEvent whose envelope has been checked.
 *
 * @param attributes every attribute except {@code type}, plus {@code data_encoding} when the data
 *                   came as bytes; this becomes the event's metadata
 * @param data       the data as JSON: a JSON value, a string for text, {@code {"base64": ...}} for
 *                   bytes, or null when the event has none
 * @param at         the prefix of field names in refusals: empty, or {@code [i].} inside a batch
 */
record CloudEvent(
        String id, String source, String type, @Nullable String subject, @Nullable String partitionKey,
        ObjectNode attributes, JsonNode data, String at) {
}
