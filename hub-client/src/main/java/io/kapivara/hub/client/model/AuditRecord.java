package io.kapivara.hub.client.model;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One operator action: what, on what, the state before and after, when, and who. */
public record AuditRecord(long id, Instant at, String action, @Nullable String owner, String target,
        Map<String, Object> before, Map<String, Object> after, @Nullable String actor) {
}
