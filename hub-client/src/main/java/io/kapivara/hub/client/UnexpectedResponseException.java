package io.kapivara.hub.client;

/**
 * The hub answered with success but with a body this client cannot read: most likely something
 * other than the hub answered at the base URL, or client and hub are of incompatible versions.
 */
public final class UnexpectedResponseException extends HubClientException {

    private final int status;

    UnexpectedResponseException(String request, int status, Throwable cause) {
        super("The answer to %s (status %d) is not the documented JSON: %s"
                .formatted(request, status, cause.getMessage()), cause);
        this.status = status;
    }

    /** The HTTP status of the unreadable answer. */
    public int status() {
        return status;
    }
}
