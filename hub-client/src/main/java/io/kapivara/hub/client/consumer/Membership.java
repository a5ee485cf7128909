package io.kapivara.hub.client.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kapivara.hub.client.HubClient;
import io.kapivara.hub.client.SubscriptionNotFoundException;
import io.kapivara.hub.client.model.AssignmentResponse;

/**
 * The node's subscription: subscribes, heartbeats as often as the hub asks, subscribes again when
 * the hub no longer knows the key, and leaves. Used by the coordinator's thread only.
 */
final class Membership {

    private static final Logger log = LoggerFactory.getLogger(Membership.class);

    /** The shortest heartbeat interval kept, whatever a hub says, so that a bad answer cannot spin. */
    private static final long MIN_INTERVAL_NANOS = Duration.ofMillis(50).toNanos();

    private final HubClient client;
    private final String owner;
    private final String key;
    private boolean subscribed;
    private long nextBeatNanos;

    Membership(HubClient client, String owner, String key) {
        this.client = client;
        this.owner = owner;
        this.key = key;
    }

    boolean subscribed() {
        return subscribed;
    }

    boolean due(long nowNanos) {
        return !subscribed || nowNanos - nextBeatNanos >= 0;
    }

    long nanosUntilDue(long nowNanos) {
        return subscribed ? Math.max(0, nextBeatNanos - nowNanos) : 0;
    }

    /**
     * Subscribes, or heartbeats when subscribed, and answers what the node holds now: bucket to
     * epoch. The next heartbeat is due the hub's interval after this call was sent.
     */
    Map<Integer, Long> beat(long nowNanos) {
        AssignmentResponse answer = subscribed ? heartbeat() : subscribe();
        subscribed = true;
        nextBeatNanos = nowNanos + Math.max(MIN_INTERVAL_NANOS, Duration.ofMillis(answer.heartbeatMs()).toNanos());
        Map<Integer, Long> held = new TreeMap<>();
        answer.buckets().forEach(lease -> held.put(lease.bucket(), lease.epoch()));
        return held;
    }

    /** The hub no longer knows the subscription: the next beat subscribes again. */
    void lost() {
        subscribed = false;
    }

    /** Leaves, when subscribed; a subscription the hub no longer knows is left already. */
    void leave() {
        if (!subscribed) {
            return;
        }
        subscribed = false;
        try {
            client.leave(owner, key);
            log.info("Owner [{}] key [{}] left", owner, key);
        } catch (SubscriptionNotFoundException e) {
            log.info("Owner [{}] key [{}] was no longer subscribed when leaving", owner, key);
        }
    }

    private AssignmentResponse subscribe() {
        AssignmentResponse answer = client.subscribe(owner, key);
        log.info("Owner [{}] key [{}] subscribed: buckets [{}] heartbeat [{}] ms", owner, key,
                answer.buckets().size(), answer.heartbeatMs());
        return answer;
    }

    private AssignmentResponse heartbeat() {
        try {
            return client.heartbeat(owner, key);
        } catch (SubscriptionNotFoundException e) {
            log.warn("Owner [{}] key [{}] is no longer subscribed (evicted or expired); subscribing again", owner,
                    key);
            return subscribe();
        }
    }
}
