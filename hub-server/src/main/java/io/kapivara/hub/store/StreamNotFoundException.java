package io.kapivara.hub.store;

import io.kapivara.hub.shared.NotFoundException;

/** A read of a stream that has no events. */
public final class StreamNotFoundException extends NotFoundException {

    private final String stream;

    public StreamNotFoundException(String stream) {
        super("Stream [%s] has no events".formatted(stream));
        this.stream = stream;
    }

    public String stream() {
        return stream;
    }
}
