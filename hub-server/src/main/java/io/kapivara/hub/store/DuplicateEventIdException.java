package io.kapivara.hub.store;

import java.util.List;
import java.util.UUID;

import io.kapivara.hub.shared.HubException;

/**
 * An append naming event ids that are already stored, and that is not an exact replay of an
 * earlier append: the ids belong to another stream, carry other content, or only part of the
 * batch was stored before.
 */
public final class DuplicateEventIdException extends HubException {

    private final String stream;
    private final List<UUID> ids;
    private final String reason;

    public DuplicateEventIdException(String stream, List<UUID> ids, String reason) {
        super("An event id is stored once, and only a whole identical batch replays: %s; stream [%s] ids %s"
                .formatted(reason, stream, ids));
        this.stream = stream;
        this.ids = List.copyOf(ids);
        this.reason = reason;
    }

    public String stream() {
        return stream;
    }

    public List<UUID> ids() {
        return ids;
    }

    public String reason() {
        return reason;
    }
}
