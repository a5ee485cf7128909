package io.kapivara.hub.store;

import io.kapivara.hub.shared.InvalidRequestException;

/** Rules for stream names. */
public final class StreamName {

    private StreamName() {
    }

    /** The stream name up to its first {@code -}, or the whole name when it has none. */
    public static String categoryOf(String stream) {
        int dash = stream.indexOf('-');
        return dash < 0 ? stream : stream.substring(0, dash);
    }

    /**
     * Checks that a URL path can carry the name, so that a stream stored under it can be read back
     * by its URL; {@code field} names where the name came from.
     *
     * @throws InvalidRequestException when it cannot
     */
    public static void checkCarriedByUrl(String field, String stream) {
        StoreLimits.checkCarriedByUrl(field, stream, "A stream name");
    }
}
