package io.kapivara.hub.testing;

import static io.kapivara.hub.testing.HubHttp.path;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The bus endpoints as plain HTTP calls, for tests of the wire format. */
public final class BusCalls {

    private final HubHttp http;
    private final int port;

    public BusCalls(int port) {
        this.http = new HubHttp(port);
        this.port = port;
    }

    /** An owner name no other test uses. */
    public static String uniqueOwner() {
        return "owner-" + UUID.randomUUID().toString().substring(0, 13);
    }

    public HubHttp http() {
        return http;
    }

    public JsonNode subscribe(String owner, String key) {
        return http.post("/api/owners/" + path(owner) + "/subscriptions", "{\"key\": \"" + key + "\"}").json();
    }

    public HubHttp.Response heartbeat(String owner, String key) {
        return http.post("/api/owners/" + path(owner) + "/subscriptions/" + path(key) + "/heartbeat", "");
    }

    /** Heartbeats, or subscribes again when the hub no longer knows the key. */
    public JsonNode heartbeatOrJoin(String owner, String key) {
        HubHttp.Response beat = heartbeat(owner, key);
        return beat.status() == 404 ? subscribe(owner, key) : beat.json();
    }

    public HubHttp.Response leave(String owner, String key) {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/owners/" + path(owner) + "/subscriptions/"
                + path(key))).DELETE());
    }

    public HubHttp.Response fetch(String owner, String key, int limit, long waitMs, @Nullable String cursor) {
        return http.get("/api/owners/" + path(owner) + "/subscriptions/" + path(key) + "/events?limit=" + limit
                + "&waitMs=" + waitMs + (cursor == null ? "" : "&cursor=" + cursor));
    }

    public HubHttp.Response commit(String owner, String key, int bucket, long offset, long epoch) {
        return http.post("/api/owners/" + path(owner) + "/subscriptions/" + path(key) + "/commits",
                "[{\"bucket\": %d, \"offset\": %d, \"epoch\": %d}]".formatted(bucket, offset, epoch));
    }

    public JsonNode owner(String owner) {
        return http.get("/api/owners/" + path(owner)).json();
    }

    /** The bucket numbers in a subscribe or heartbeat answer. */
    public static List<Integer> buckets(JsonNode assignment) {
        List<Integer> buckets = new ArrayList<>();
        assignment.path("buckets").forEach(lease -> buckets.add(lease.path("bucket").asInt()));
        return buckets;
    }

    /** The epoch of one bucket in a subscribe or heartbeat answer, or -1. */
    public static long epoch(JsonNode assignment, int bucket) {
        for (JsonNode lease : assignment.path("buckets")) {
            if (lease.path("bucket").asInt() == bucket) {
                return lease.path("epoch").asLong();
            }
        }
        return -1;
    }

    /** Appends one event to a stream and returns the append answer. */
    public JsonNode append(String stream, String type) {
        return http.post("/api/streams/" + path(stream), "{\"events\": [{\"type\": \"" + type + "\", \"data\": {}}]}")
                .json();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
