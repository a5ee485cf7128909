package io.kapivara.hub.store;

import io.kapivara.hub.shared.HubException;

/** How one append of a group came out. */
public sealed interface AppendOutcome {

    record Stored(AppendResult result) implements AppendOutcome {
    }

    record Refused(HubException reason) implements AppendOutcome {
    }
}
