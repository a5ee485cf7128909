package io.kapivara.hub.client;

import java.util.List;
import java.util.UUID;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * An append naming event ids that are already stored, that is not an identical repeat of an
 * earlier append (409, {@value ProblemTypes#DUPLICATE_EVENT_ID}): the ids are stored in another
 * stream, with other content, or only part of the batch was stored. Nothing of it was stored.
 * This points at a bug in how the caller makes ids; repeating the append will not help.
 */
public final class DuplicateEventIdException extends HubRequestException {

    private final String stream;
    private final List<UUID> ids;
    private final String reason;

    DuplicateEventIdException(Problem problem) {
        super(problem);
        this.stream = problem.text("stream");
        this.ids = problem.uuids("ids");
        this.reason = problem.text("reason");
    }

    /** The stream the append was for. */
    public String stream() {
        return stream;
    }

    /** The ids of the append that were already stored. */
    public List<UUID> ids() {
        return ids;
    }

    /** Which of the cases it is, in the hub's words. */
    public String reason() {
        return reason;
    }
}
