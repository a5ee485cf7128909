package io.kapivara.hub.bus;

import java.time.Instant;

/** A subscription's exclusive hold on one bucket, valid until {@code expiresAt} on the database clock. */
public record Lease(int bucket, long epoch, Instant expiresAt) {
}
