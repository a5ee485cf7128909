package io.kapivara.hub.bench;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One subscription of an owner, kept alive by heartbeats on a virtual thread at the rate the hub
 * asks for, until closed; closing leaves the owner.
 */
final class Subscriber implements AutoCloseable {

    private final BenchHttp http;
    private final String owner;
    private final String key;
    private final Thread heartbeats;
    private volatile JsonNode assignment;
    private volatile boolean open = true;
    private volatile boolean paused;

    Subscriber(BenchHttp http, String owner, String key) {
        this.http = http;
        this.owner = owner;
        this.key = key;
        this.assignment = http.subscribe(owner, key);
        this.heartbeats = Thread.ofVirtual().name("heartbeat-" + key).start(this::beat);
    }

    String owner() {
        return owner;
    }

    String key() {
        return key;
    }

    /** The buckets of the last answer to a subscribe or heartbeat. */
    List<Integer> buckets() {
        List<Integer> buckets = new ArrayList<>();
        assignment.path("buckets").forEach(lease -> buckets.add(lease.path("bucket").asInt()));
        return buckets;
    }

    /** Heartbeats now, so that {@link #buckets()} shows the owner's current balance. */
    void refresh() {
        BenchHttp.Answer answer = http.heartbeat(owner, key);
        assignment = answer.status() == 404 ? http.subscribe(owner, key) : answer.expect(200).json();
    }

    /**
     * Holds heartbeats back (true) or lets them go on (false), so that a few seconds of sampling
     * see only what waiting costs. A pause must stay well within the lease (10 s by default).
     */
    void pauseHeartbeats(boolean pause) {
        paused = pause;
    }

    private void beat() {
        while (open) {
            try {
                // Twice as often as the hub asks: a starved machine may answer late.
                Thread.sleep(Math.max(200, assignment.path("heartbeatMs").asLong(3_000) / 2));
                if (open && !paused) {
                    refresh();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (open) {
                    System.err.println("Subscriber [" + key + "] heartbeat failed: " + e);
                }
            }
        }
    }

    @Override
    public void close() {
        open = false;
        heartbeats.interrupt();
        try {
            http.leave(owner, key);
        } catch (RuntimeException e) {
            System.err.println("Subscriber [" + key + "] could not leave: " + e);
        }
    }
}
