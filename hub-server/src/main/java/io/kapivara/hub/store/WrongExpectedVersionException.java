package io.kapivara.hub.store;

import io.kapivara.hub.shared.HubException;

/** An append whose expected version does not hold for its stream. */
public final class WrongExpectedVersionException extends HubException {

    private final String stream;
    private final ExpectedVersion expected;
    private final long actual;

    public WrongExpectedVersionException(String stream, ExpectedVersion expected, long actual) {
        super("An append must meet its expected version: stream [%s] expected [%s] actual [%d]"
                .formatted(stream, expected.describe(), actual));
        this.stream = stream;
        this.expected = expected;
        this.actual = actual;
    }

    public String stream() {
        return stream;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's current version, -1 when it has no events. */
    public long actual() {
        return actual;
    }
}
