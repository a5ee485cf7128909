package io.kapivara.hub.shared;

/**
 * A refusal the caller can act on: a broken rule, a conflict, something missing. Each subtype
 * carries the facts of its case as fields; the message states the rule, then the values.
 */
public abstract class HubException extends RuntimeException {

    protected HubException(String message) {
        super(message);
    }
}
