package io.kapivara.hub.store;

/** Rules for stream names. */
public final class StreamName {

    private StreamName() {
    }

    /** The stream name up to its first {@code -}, or the whole name when it has none. */
    public static String categoryOf(String stream) {
        int dash = stream.indexOf('-');
        return dash < 0 ? stream : stream.substring(0, dash);
    }
}
