package io.kapivara.hub.client.model;

import java.util.List;

/** The answer of {@code GET /api/owners}. */
public record OwnerList(List<OwnerSummary> owners) {

    public OwnerList {
        owners = List.copyOf(owners);
    }
}
