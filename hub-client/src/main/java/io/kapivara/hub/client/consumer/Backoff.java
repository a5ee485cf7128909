package io.kapivara.hub.client.consumer;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits that double after each failure in a row, from {@code initial} up to {@code max}, less a
 * random part of up to half so that nodes failing together do not come back together.
 */
record Backoff(Duration initial, Duration max) {

    Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("A backoff has initial >= 0 and max >= initial: initial [%s] max [%s]"
                    .formatted(initial, max));
        }
    }

    /** The full wait after {@code failures} failures in a row (1 or more). */
    Duration after(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long millis = initial.toMillis() << doublings;
        return millis < 0 || millis >= max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** The wait after {@code failures} failures in a row, with up to half of it left out at random. */
    Duration jittered(int failures) {
        long full = after(failures).toMillis();
        return Duration.ofMillis(full - ThreadLocalRandom.current().nextLong(full / 2 + 1));
    }
}
