package io.kapivara.hub.bus;

import static io.kapivara.hub.testing.BusCalls.uniqueOwner;
import static io.kapivara.hub.testing.HubHttp.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kapivara.hub.store.BucketCount;
import io.kapivara.hub.testing.BusCalls;
import io.kapivara.hub.testing.HubHttp;
import io.kapivara.hub.testing.HubServerTest;

/**
 * A heartbeat and a commit of one subscription lock the same checkpoint rows. Both take them in
 * bucket order, so PostgreSQL never has to break a deadlock between them (which a client would
 * see as 503).
 */
@HubServerTest
class LockOrderIT {

    private static final int ROUNDS = 300;

    @LocalServerPort
    int port;

    @Autowired
    BucketCount bucketCount;

    @Test
    void heartbeatsAndMultiBucketCommitsOfOneSubscriptionNeverDeadlock() throws Exception {
        BusCalls bus = new BusCalls(port);
        String owner = uniqueOwner();
        JsonNode assignment = bus.subscribe(owner, "busy");
        String commits = everyBucketDescending(assignment);
        String commitPath = "/api/owners/" + path(owner) + "/subscriptions/busy/commits";
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger heartbeats = new AtomicInteger();

        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> loops = new ArrayList<>();
            loops.add(threads.submit(() -> repeat(failed, () -> {
                HubHttp.Response commit = bus.http().post(commitPath, commits);
                return expect(commit, 204, "commit", committed, failures);
            })));
            loops.add(threads.submit(() -> repeat(failed, () -> {
                HubHttp.Response beat = bus.heartbeat(owner, "busy");
                return expect(beat, 200, "heartbeat", heartbeats, failures);
            })));
            for (Future<?> loop : loops) {
                loop.get();
            }
        }

        assertThat(failures).isEmpty();
        assertThat(committed).hasValue(ROUNDS);
        assertThat(heartbeats).hasValue(ROUNDS);
    }

    /** Every bucket the assignment holds at offset 0 (the checkpoint of a new owner), highest first. */
    private String everyBucketDescending(JsonNode assignment) {
        List<String> commits = new ArrayList<>();
        assignment.path("buckets").forEach(lease -> commits.addFirst("{\"bucket\": %d, \"offset\": 0, \"epoch\": %d}"
                .formatted(lease.path("bucket").asInt(), lease.path("epoch").asLong())));
        assertThat(commits).hasSize(bucketCount.count());
        return "[" + String.join(", ", commits) + "]";
    }

    private interface Call {
        boolean succeeded();
    }

    /** Runs a call {@link #ROUNDS} times, or until this or the other loop saw a failure. */
    private static Void repeat(AtomicBoolean failed, Call call) {
        for (int round = 0; round < ROUNDS && !failed.get(); round++) {
            if (!call.succeeded()) {
                failed.set(true);
            }
        }
        return null;
    }

    private static boolean expect(HubHttp.Response response, int status, String what, AtomicInteger count,
            List<String> failures) {
        if (response.status() != status) {
            failures.add(what + " answered " + response.status() + ": " + response.body());
            return false;
        }
        count.incrementAndGet();
        return true;
    }
}
