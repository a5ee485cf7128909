package io.kapivara.hub.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.ProblemTypes;

/**
 * The hub refused the request with a problem detail, for a reason that repeating the same request
 * will not change: a broken rule, a conflict, something missing. Each known problem type has a
 * subtype carrying its facts; {@link UnexpectedProblemException} stands for the others.
 *
 * <p>The general accessors are there for every subtype: the HTTP status, the problem's slug (see
 * {@link ProblemTypes}), the hub's detail text (the rule, then the offending values), and all of
 * the problem's extension members as {@link #fields()}.
 */
public abstract class HubRequestException extends HubClientException {

    private final int status;
    private final String type;
    private final String slug;
    private final String detail;
    private final Map<String, @Nullable Object> fields;

    HubRequestException(Problem problem) {
        super("%s (status %d, %s, %s)".formatted(problem.detail(), problem.status(), problem.slug(),
                problem.request()), null);
        this.status = problem.status();
        this.type = problem.type();
        this.slug = problem.slug();
        this.detail = problem.detail();
        this.fields = problem.fields();
    }

    /** The HTTP status of the answer, 4xx or 5xx. */
    public int status() {
        return status;
    }

    /** The problem's full type URI, for example {@code urn:kapivara:hub:problem:stream-not-found}. */
    public String type() {
        return type;
    }

    /**
     * The problem's slug, one of the {@link ProblemTypes} constants for the hub's own problems, or
     * the whole type for anything else ({@code about:blank} when the answer had none).
     */
    public String slug() {
        return slug;
    }

    /** The hub's explanation: the rule that was broken, then the values at fault. */
    public String detail() {
        return detail;
    }

    /**
     * The problem's extension members as the JSON decoded them: strings, numbers, booleans, lists
     * and maps; a member sent as JSON null maps to null. Unmodifiable.
     */
    public Map<String, @Nullable Object> fields() {
        return fields;
    }
}
