package io.kapivara.hub.client;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

import io.kapivara.hub.client.model.EventData;

/**
 * Gives ids to events sent without one, once, before the first attempt of an append: every retry
 * of that append then carries the same ids, and the hub answers a retry of a stored append as a
 * replay instead of storing the events twice.
 *
 * <p>The ids are version 7 UUIDs (RFC 9562), as the hub makes them: 48 bits of Unix time in
 * milliseconds, then 74 random bits, so ids made close together sit close together in the hub's
 * id index.
 */
final class EventIds {

    private final SecureRandom random = new SecureRandom();

    /** The events, each with its own id or a new one. */
    List<EventData> assign(List<EventData> events) {
        return events.stream().map(this::withId).toList();
    }

    private EventData withId(EventData event) {
        return event.id() != null ? event : new EventData(next(), event.type(), event.data(), event.metadata());
    }

    UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
