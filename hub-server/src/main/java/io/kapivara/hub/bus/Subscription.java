package io.kapivara.hub.bus;

import java.time.Instant;

/** A running node of an owner; live while {@code expiresAt} lies ahead. */
public record Subscription(String key, Instant expiresAt, Instant createdAt, boolean live) {
}
