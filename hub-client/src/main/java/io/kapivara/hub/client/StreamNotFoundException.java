package io.kapivara.hub.client;

import io.kapivara.hub.client.model.ProblemTypes;

/** A read of a stream that has no events (404, {@value ProblemTypes#STREAM_NOT_FOUND}). */
public final class StreamNotFoundException extends HubRequestException {

    private final String stream;

    StreamNotFoundException(Problem problem) {
        super(problem);
        this.stream = problem.text("stream");
    }

    public String stream() {
        return stream;
    }
}
