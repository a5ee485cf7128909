package io.kapivara.hub.client;

/**
 * The calling thread was interrupted while it waited for the hub or between two attempts. The
 * thread's interrupt flag is set again before this is thrown. Like a transient failure, an append
 * that ended this way may or may not have been stored.
 */
public final class HubInterruptedException extends HubClientException {

    HubInterruptedException(String request, InterruptedException cause) {
        super("Interrupted while waiting for the hub: " + request, cause);
    }
}
