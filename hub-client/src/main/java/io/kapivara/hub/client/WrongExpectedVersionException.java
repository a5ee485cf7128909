package io.kapivara.hub.client;

import io.kapivara.hub.client.model.ExpectedVersion;
import io.kapivara.hub.client.model.ProblemTypes;

/**
 * An append whose expected version did not hold (409, {@value ProblemTypes#WRONG_EXPECTED_VERSION}).
 * Nothing of it was stored. Read the stream, decide again, and append with the new version.
 */
public final class WrongExpectedVersionException extends HubRequestException {

    private final String stream;
    private final ExpectedVersion expected;
    private final long actual;

    WrongExpectedVersionException(Problem problem) {
        super(problem);
        this.stream = problem.text("stream");
        this.expected = expectedVersion(problem.text("expected"));
        this.actual = problem.number("actual");
    }

    private static ExpectedVersion expectedVersion(String wire) {
        if (!wire.isEmpty() && wire.chars().allMatch(Character::isDigit)) {
            return ExpectedVersion.exactly(Long.parseLong(wire));
        }
        return ExpectedVersion.parse(wire);
    }

    public String stream() {
        return stream;
    }

    /** What the append expected. */
    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's version when the append was refused; -1 when the stream has no events. */
    public long actual() {
        return actual;
    }
}
