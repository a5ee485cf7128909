package io.kapivara.hub.app.security;

import java.util.Locale;

/** What a token may do. */
public enum Role {

    /** Append and ingest. */
    PRODUCER,

    /** Create owners, subscribe, heartbeat, fetch, commit, leave. */
    CONSUMER,

    /** Operator actions (force-reassign, release, seek, evict, pause, resume), and all a viewer may. */
    OPERATOR,

    /** Read everything, and the dashboard. */
    VIEWER;

    String authority() {
        return "ROLE_" + name();
    }

    static Role parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "A token role is producer, consumer, operator or viewer: [%s]".formatted(text), e);
        }
    }
}
