package io.kapivara.hub.client.model;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/owners/{owner}}.
 *
 * @param startFrom {@code earliest} (default) or {@code latest}; used only when the owner is created
 * @param filter    which events the owner wants; all when null
 */
public record OwnerRequest(@Nullable String startFrom, @Nullable Filter filter) {
}
