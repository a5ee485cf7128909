package io.kapivara.hub.client.model;

/** One line of {@code GET /api/owners}. */
public record OwnerSummary(String owner, String startFrom, boolean paused, long lag, double lagSeconds,
        int liveSubscriptions) {
}
