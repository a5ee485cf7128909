package io.kapivara.hub.client;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * A request that breaks an input rule (400, {@value ProblemTypes#INVALID_REQUEST}): a name too long
 * or holding whitespace, a limit out of range, an append without events, malformed JSON. Nothing of
 * it was stored.
 */
public final class InvalidRequestException extends HubRequestException {

    private final @Nullable String field;
    private final @Nullable String value;
    private final String rule;

    InvalidRequestException(Problem problem) {
        super(problem);
        this.field = problem.optionalText("field");
        this.value = problem.optionalText("value");
        String stated = problem.optionalText("rule");
        this.rule = stated == null ? problem.detail() : stated;
    }

    /**
     * Where the offending value is, for example {@code stream}, {@code limit} or
     * {@code events[2].type}; null when the refusal names no single field.
     */
    public @Nullable String field() {
        return field;
    }

    /** The offending value as text, or null when it was absent or the hub did not repeat it. */
    public @Nullable String value() {
        return value;
    }

    /** The rule that was broken; the hub's detail text when it stated no separate rule. */
    public String rule() {
        return rule;
    }
}
