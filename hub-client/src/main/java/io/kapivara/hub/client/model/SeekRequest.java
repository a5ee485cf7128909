package io.kapivara.hub.client.model;

/**
 * The body of a seek: {@code "earliest"}, {@code "latest"}, an offset (a number), or an ISO-8601
 * time (the checkpoint moves to just before the first event recorded at or after it).
 */
public record SeekRequest(Object to) {
}
