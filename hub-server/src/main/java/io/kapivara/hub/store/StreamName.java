package io.kapivara.hub.store;

import io.kapivara.hub.shared.InvalidRequestException;

/** Rules for stream names. */
public final class StreamName {

    /**
     * Why some names are refused. A stream is read by its name as one path segment of a URL, and the
     * web server lets no {@code ;} or {@code \} through in any encoding, and no {@code .} or
     * {@code ..} as a whole segment (it resolves them, and refuses {@code %2E}).
     */
    private static final String URL_RULE = "A stream name travels in URL paths: it holds no ; or \\ and is not . or ..";

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
        if (stream.equals(".") || stream.equals("..") || stream.indexOf(';') >= 0 || stream.indexOf('\\') >= 0) {
            throw new InvalidRequestException(field, stream, URL_RULE);
        }
    }
}
