package io.kapivara.hub.tail;

import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.store.RecordedEvent;

/**
 * The JSON text frames a tail sends. Each has a {@code kind}: {@code ready} (with the global
 * position the tail starts after), {@code event}, {@code skipped} (a count and a reason:
 * {@code slow} or {@code paused}), {@code paused} and {@code resumed}. An event's data travels as
 * a preview of at most {@value #PREVIEW} characters of its JSON text, which bounds every frame.
 */
final class TailFrames {

    static final int PREVIEW = 300;

    private final JsonMapper mapper;

    TailFrames(JsonMapper mapper) {
        this.mapper = mapper;
    }

    private record Ready(String kind, long after, String filter) {
    }

    private record Event(String kind, String id, String stream, String type, int bucket, long offset, long version,
            long globalPosition, String recordedAt, String data, boolean cut) {
    }

    private record Skipped(String kind, long count, String reason) {
    }

    private record Notice(String kind) {
    }

    String ready(long after, TailFilter filter) {
        return mapper.writeValueAsString(new Ready("ready", after, filter.describe()));
    }

    String event(RecordedEvent event) {
        String json = event.data().json();
        boolean cut = json.length() > PREVIEW;
        String data = cut ? json.substring(0, end(json)) + "…" : json;
        return mapper.writeValueAsString(new Event("event", event.id().toString(), event.stream(), event.type(),
                event.bucket(), event.offset(), event.version(), event.globalPosition(), event.recordedAt().toString(),
                data, cut));
    }

    String skipped(long count, String reason) {
        return mapper.writeValueAsString(new Skipped("skipped", count, reason));
    }

    String paused() {
        return mapper.writeValueAsString(new Notice("paused"));
    }

    String resumed() {
        return mapper.writeValueAsString(new Notice("resumed"));
    }

    // Never cut a surrogate pair in two.
    private static int end(String json) {
        return Character.isHighSurrogate(json.charAt(PREVIEW - 1)) ? PREVIEW - 1 : PREVIEW;
    }
}
