package io.kapivara.hub.bus;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One operator action as the audit log keeps it.
 *
 * @param target what it acted on, e.g. {@code bucket 3} or {@code subscription node-a}
 * @param before the state it changed, as plain values
 * @param after  the state it left
 */
public record AuditEntry(long id, Instant at, String action, @Nullable String owner, String target,
        Map<String, Object> before, Map<String, Object> after, @Nullable String actor) {
}
