package io.kapivara.hub.dashboard;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How much the store holds.
 *
 * @param events       events stored, which is also the last global position
 * @param streams      streams with at least one event
 * @param lastAppendAt when the last event was recorded; null while the store is empty
 */
public record StoreTotals(long events, long streams, @Nullable Instant lastAppendAt) {
}
