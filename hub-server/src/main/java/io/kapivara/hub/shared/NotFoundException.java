package io.kapivara.hub.shared;

/** Something the request names does not exist. */
public abstract class NotFoundException extends HubException {

    protected NotFoundException(String message) {
        super(message);
    }
}
