package io.kapivara.hub.client.consumer;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.OwnerOptions;

/**
 * A consumer's settings, checked once when it is built.
 *
 * @param ownerOptions   put before subscribing, when not null
 * @param fetchLimit     the most events of one fetch
 * @param fetchWait      the longest a fetch waits for events
 * @param fetchLinger    how long a woken fetch lets more events gather
 * @param maxBacklog     queued events per bucket above which fetching waits
 * @param commitEvery    handled events after which a commit is due
 * @param commitInterval time after which a commit of any progress is due
 * @param maxAttempts    how often an event is handed to the handler before its bucket stops
 * @param closeTimeout   how long closing waits for the workers to handle what they have
 */
record ConsumerSettings(String owner, String key, @Nullable OwnerOptions ownerOptions, int fetchLimit,
        Duration fetchWait, Duration fetchLinger, int maxBacklog, int commitEvery, Duration commitInterval,
        int maxAttempts, Backoff handlerBackoff, Backoff hubBackoff, Duration closeTimeout) {

    ConsumerSettings {
        atLeast("fetchLimit", fetchLimit, 1);
        atLeast("maxBacklog", maxBacklog, 1);
        atLeast("commitEvery", commitEvery, 1);
        atLeast("maxAttempts", maxAttempts, 1);
        if (fetchLinger.isNegative() || fetchLinger.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException(
                    "A consumer's fetchLinger is 0 to 1 second: [%s]".formatted(fetchLinger));
        }
        if (fetchWait.isNegative() || commitInterval.isNegative() || closeTimeout.isNegative()) {
            throw new IllegalArgumentException(("A consumer's durations are zero or more: fetchWait [%s] "
                    + "commitInterval [%s] closeTimeout [%s]").formatted(fetchWait, commitInterval, closeTimeout));
        }
    }

    private static void atLeast(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException("A consumer's %s is %d or more: [%d]".formatted(name, least, value));
        }
    }
}
