package io.kapivara.hub.shared.web;

import io.kapivara.hub.shared.HubException;

/** A request body larger than the setting allows. */
public final class PayloadTooLargeException extends HubException {

    private final long limit;
    private final long size;

    /** @param size the body's size in bytes, or the bytes read before the limit was passed */
    public PayloadTooLargeException(long limit, long size) {
        super("A request body has at most %d bytes (hub.store.max-request-size): size [%d]".formatted(limit, size));
        this.limit = limit;
        this.size = size;
    }

    public long limit() {
        return limit;
    }

    public long size() {
        return size;
    }
}
