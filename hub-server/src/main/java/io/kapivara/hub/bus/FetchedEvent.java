package io.kapivara.hub.bus;

import io.kapivara.hub.store.RecordedEvent;

/** An event handed to a subscription, with the epoch of the lease it was read under. */
public record FetchedEvent(RecordedEvent event, long epoch) {
}
