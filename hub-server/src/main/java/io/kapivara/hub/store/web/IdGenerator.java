package io.kapivara.hub.store.web;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Makes event ids for events sent without one: version 7 UUIDs (RFC 9562), which begin with the
 * time in milliseconds, so ids made close together sit close together in the id index.
 */
final class IdGenerator {

    private final SecureRandom random = new SecureRandom();

    UUID next() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
