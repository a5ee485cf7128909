package io.kapivara.hub.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The audit log, newest first.
 *
 * @param next the {@code before} of the following (older) page; null at the end
 */
public record AuditPage(List<AuditRecord> entries, @Nullable Long next) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
