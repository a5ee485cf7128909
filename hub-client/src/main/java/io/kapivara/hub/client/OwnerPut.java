package io.kapivara.hub.client;

import io.kapivara.hub.client.model.OwnerStatus;

/**
 * The answer of {@link HubClient#putOwner(String, OwnerOptions)}.
 *
 * @param owner   the owner as it stands after the call
 * @param created true when the call created the owner (status 201), false when it existed (200)
 */
public record OwnerPut(OwnerStatus owner, boolean created) {
}
