package io.kapivara.hub.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A subscription's read loop as an application would write it: fetch with the cursor, handle,
 * commit the positions the fetch gave. Should a lease lapse on a starved machine (the commit
 * answers 409), it heartbeats, drops the cursor and goes on from the checkpoint; events it sees a
 * second time that way are not handed out again (it remembers global positions), so counts and
 * latencies stay those of first deliveries.
 */
final class Reader {

    private final BenchHttp http;
    private final Subscriber subscriber;
    private final BitSet seen = new BitSet();
    private @Nullable String cursor;
    private int leasesLost;

    Reader(BenchHttp http, Subscriber subscriber, @Nullable String cursor) {
        this.http = http;
        this.subscriber = subscriber;
        this.cursor = cursor;
    }

    /** What one fetch brought that was not seen before, and when its answer arrived (nanoTime). */
    record Batch(long answeredAt, List<JsonNode> events) {
    }

    Batch next(int limit, long waitMs) {
        JsonNode fetch = http.fetch(subscriber.owner(), subscriber.key(), limit, waitMs, cursor).expect(200).json();
        long answeredAt = System.nanoTime();
        List<JsonNode> fresh = new ArrayList<>();
        for (JsonNode event : fetch.path("events")) {
            int position = Math.toIntExact(event.path("globalPosition").asLong());
            if (!seen.get(position)) {
                seen.set(position);
                fresh.add(event);
            }
        }
        cursor = fetch.path("cursor").asString();
        if (!fetch.path("events").isEmpty()) {
            commit(fetch.path("positions").toString());
        }
        return new Batch(answeredAt, fresh);
    }

    private void commit(String positions) {
        BenchHttp.Answer answer = http.commit(subscriber.owner(), subscriber.key(), positions);
        if (answer.status() == 409) {
            leasesLost++;
            subscriber.refresh();
            cursor = null;
            return;
        }
        answer.expect(204);
    }

    /** How often a lease lapsed and reading went on from the checkpoint. */
    int leasesLost() {
        return leasesLost;
    }
}
