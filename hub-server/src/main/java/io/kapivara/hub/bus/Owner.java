package io.kapivara.hub.bus;

import java.time.Instant;

/** A consuming application, with how it reads. */
public record Owner(String name, StartFrom startFrom, EventFilter filter, boolean paused, Instant createdAt) {
}
