package io.kapivara.hub.client.model;

import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/owners/{owner}/subscriptions}; the hub makes a key when none is given. */
public record SubscribeRequest(@Nullable String key) {
}
