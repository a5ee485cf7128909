package io.kapivara.hub.shared.web;

import java.util.List;
import java.util.regex.Pattern;

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

    private ParserMessages() {
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
