package io.kapivara.hub.dashboard;

import java.time.Instant;

/** The events recorded in the minute that starts at {@code minute} (database clock). */
public record MinuteCount(Instant minute, long events) {
}
