package io.kapivara.hub.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One webhook delivery to replay.
 *
 * @param event  the {@code X-GitHub-Event} header: the name of the webhook definition
 * @param index  the payload's place among that definition's examples, from 0
 * @param action the payload's {@code action}, empty when it has none
 * @param body   the payload as compact UTF-8 JSON
 */
record Delivery(String event, int index, String action, byte[] body) {

    /** The prefix of every delivery name, so the demo's GUIDs never meet those of other senders. */
    private static final String NAME_PREFIX = "kapivara-demo:github:";

    /**
     * The {@code X-GitHub-Delivery} header: a name-based UUID of the event name and index, the same
     * on every run, so a second replay finds every delivery already stored.
     */
    UUID deliveryId() {
        return UUID.nameUUIDFromBytes((NAME_PREFIX + event + ":" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** The event type the hub stores: the event name, and {@code .action} when there is one. */
    String type() {
        return action.isEmpty() ? event : event + "." + action;
    }
}
