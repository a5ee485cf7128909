package io.kapivara.hub.shared.web;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.exc.MismatchedInputException;

import io.kapivara.hub.shared.InvalidRequestException;

/**
 * The JSON parser's reason for refusing a body, in words for the sender: without the names of the
 * parser's settings and classes it likes to suggest ("enable `JsonReadFeature...` to allow"),
 * which are about this server's code, not about the request.
 */
public final class ParserMessages {

    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile(", from `[^`]*`"),
            Pattern.compile(": enable `[^`]*` to allow"),
            Pattern.compile(" \\(consider enabling `.*$"),
            Pattern.compile(" \\(not recognized as one since Feature '[A-Z_]+' not enabled for parser\\)"),
            Pattern.compile(" \\(`JsonToken\\.[A-Z_]+`\\)"),
            Pattern.compile(" \\(bound as [^)]*\\)"),
            Pattern.compile(": not allowed as per `[^`]*`"));

    private static final Pattern QUOTED_WORD = Pattern.compile("`([a-z]+)`");

    /** The rule a body breaks when something follows its JSON value, for every endpoint alike. */
    public static final String ONE_VALUE_RULE = "A request body is one JSON value with nothing after it";

    private ParserMessages() {
    }

    /**
     * The refusal of a body that goes on after its JSON value ({@code {} {}}, {@code [1] x}), naming
     * what kind of value came next; empty for any other parser failure.
     */
    public static Optional<InvalidRequestException> trailing(JacksonException e) {
        if (e instanceof MismatchedInputException mismatch
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return Optional.of(new InvalidRequestException("body",
                    kindOf(mismatch.getCurrentToken()) + " after the first value", ONE_VALUE_RULE));
        }
        return Optional.empty();
    }

    private static String kindOf(@Nullable JsonToken token) {
        if (token == null) {
            return "content";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> "content";
        };
    }

    /** The message with the parser's internals left out. */
    public static String plain(String message) {
        String text = message;
        for (Pattern internal : INTERNALS) {
            text = internal.matcher(text).replaceAll("");
        }
        text = QUOTED_WORD.matcher(text).replaceAll("$1");
        int quoted = text.indexOf('`');
        if (quoted >= 0) {
            // An internal this list does not know: the reason is the clause before the one naming it.
            String before = text.substring(0, quoted);
            int clause = Math.max(before.lastIndexOf(": "),
                    Math.max(before.lastIndexOf(" ("), before.lastIndexOf(". ")));
            text = (clause > 0 ? before.substring(0, clause) : before).replaceAll("[\\s(:,;.]+$", "");
        }
        return text.strip();
    }
}
