package io.kapivara.hub.store.web;

import java.util.UUID;

import io.kapivara.hub.shared.InvalidRequestException;

/**
 * Reads event ids from requests in their canonical text form only. {@link UUID#fromString} also
 * takes shortened groups ({@code 1-1-1-1-1}), which would store and find an id under a text other
 * than the one the event is then shown with.
 */
final class EventIds {

    static final String RULE = "An event id is a UUID of 8-4-4-4-12 hex digits";

    private EventIds() {
    }

    static UUID parse(String field, String text) {
        try {
            UUID id = UUID.fromString(text);
            // Canonical exactly when it reads back as written (hex digits in either case).
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidRequestException(field, text, RULE);
    }
}
