package io.kapivara.hub.client.model;

/** The body of a force-reassign: the key of the live subscription to give the bucket to. */
public record AssignRequest(String key) {
}
