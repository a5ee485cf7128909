package io.kapivara.hub.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.kapivara.hub.client.model.AppendResponse;
import io.kapivara.hub.store.AppendResult;

/** Answers an ingested delivery the way the store answers an append. */
public final class AppendResponses {

    private AppendResponses() {
    }

    /** The wire form of an append's result. */
    public static AppendResponse toWire(AppendResult result) {
        return new AppendResponse(result.stream(), result.bucket(), result.version(), result.replay(),
                result.events().stream()
                        .map(p -> new AppendResponse.Position(p.id(), p.version(), p.globalPosition(), p.offset()))
                        .toList());
    }

    /** 201 with the result, or 200 when the append was a replay that stored nothing. */
    public static ResponseEntity<AppendResponse> answer(AppendResult result) {
        HttpStatus status = result.replay() ? HttpStatus.OK : HttpStatus.CREATED;
        return ResponseEntity.status(status).body(toWire(result));
    }
}
