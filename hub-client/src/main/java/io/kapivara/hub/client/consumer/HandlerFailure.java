package io.kapivara.hub.client.consumer;

import io.kapivara.hub.client.model.FetchedEvent;

/**
 * A bucket stopped because its handler failed on an event as often as the runtime allows. The
 * bucket's checkpoint stays before the event, so it is neither lost nor skipped: once the cause is
 * fixed, restart the node, or have an operator seek the bucket, and the event is handed again.
 *
 * @param bucket   the stopped bucket
 * @param epoch    the epoch of the lease it was handled under
 * @param event    the event the handler failed on
 * @param attempts how often the handler was called with it
 * @param cause    what the last attempt threw; an {@link Error} stops the bucket at its first attempt
 */
public record HandlerFailure(String owner, String key, int bucket, long epoch, FetchedEvent event, int attempts,
        Throwable cause) {
}
