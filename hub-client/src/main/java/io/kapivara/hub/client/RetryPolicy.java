package io.kapivara.hub.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a {@link HubClient} repeats a call that failed with a
 * {@link HubTransientException}. Other failures are never repeated.
 *
 * <p>After the n-th failed attempt the client waits {@code initialBackoff * multiplier^(n-1)}, at
 * most {@code maxBackoff}, and at least what the hub asked for in a {@code Retry-After} header
 * (again at most {@code maxBackoff}). A random part of up to half of each wait is left out, so
 * that many clients failing together do not come back together.
 *
 * @param maxAttempts    how many times a call is sent at most, 1 or more; 1 means never repeated
 * @param initialBackoff the wait after the first failed attempt, zero or more
 * @param maxBackoff     the longest wait between two attempts, at least {@code initialBackoff}
 * @param multiplier     how much each wait grows over the one before, 1 or more
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

    /** 4 attempts, waiting up to 200, 400 and 800 ms between them. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);

    /** One attempt: every failure reaches the caller at once. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);

    /** @throws IllegalArgumentException when a value is outside the range documented above */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0
                || !(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException(("A retry policy has maxAttempts >= 1, initialBackoff >= 0, "
                    + "maxBackoff >= initialBackoff and a finite multiplier >= 1: maxAttempts [%d] "
                    + "initialBackoff [%s] maxBackoff [%s] multiplier [%s]")
                    .formatted(maxAttempts, initialBackoff, maxBackoff, multiplier));
        }
    }

    /** The same policy with {@code maxAttempts} attempts. */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier);
    }

    /** The full wait after {@code failedAttempts} failed attempts, before the random part is left out. */
    Duration backoff(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }
}
