package io.kapivara.hub.store.web;

import java.util.UUID;
import java.util.regex.Pattern;

import io.kapivara.hub.shared.InvalidRequestException;

/**
 * Reads event ids from requests in their canonical text form only. {@link UUID#fromString} also
 * takes shortened groups ({@code 1-1-1-1-1}), which would store and find an id under a text other
 * than the one the event is then shown with.
 */
final class EventIds {

    static final String RULE = "An event id is a UUID of 8-4-4-4-12 hex digits";

    private static final Pattern CANONICAL =
            Pattern.compile("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private EventIds() {
    }

    static UUID parse(String field, String text) {
        if (!CANONICAL.matcher(text).matches()) {
            throw new InvalidRequestException(field, text, RULE);
        }
        return UUID.fromString(text);
    }
}
