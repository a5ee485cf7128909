package io.kapivara.hub.app.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads query parameters and path variables as they are written, not as Spring would guess them.
 * A whole number is plain decimal digits with an optional leading {@code -}: no {@code 0x} or
 * {@code #} (hexadecimal), no leading {@code 0} read as octal, no {@code +}, no spaces, no digits
 * of other scripts. A boolean is {@code true} or {@code false}, so a parameter means to the
 * controller what it means to the access rules, which compare it as text. An empty value stays
 * absent, as before.
 *
 * <p>These are editors, not converters: a value a converter refuses, Spring hands on to its own
 * lenient editors. A refusal surfaces as a type mismatch, which {@link ProblemAdvice} answers
 * with the rule.
 */
@ControllerAdvice
class StrictParameters {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

    /** True for text a whole number parameter accepts, whatever its range. */
    static boolean isWholeNumber(String text) {
        return WHOLE_NUMBER.matcher(text).matches();
    }

    @InitBinder
    void strict(WebDataBinder binder) {
        Editor longs = new Editor(text -> Long.valueOf(wholeNumber(text)));
        Editor ints = new Editor(text -> Integer.valueOf(wholeNumber(text)));
        Editor booleans = new Editor(StrictParameters::bool);
        binder.registerCustomEditor(long.class, longs);
        binder.registerCustomEditor(Long.class, longs);
        binder.registerCustomEditor(int.class, ints);
        binder.registerCustomEditor(Integer.class, ints);
        binder.registerCustomEditor(boolean.class, booleans);
        binder.registerCustomEditor(Boolean.class, booleans);
    }

    private static String wholeNumber(String text) {
        if (!isWholeNumber(text)) {
            throw new IllegalArgumentException("A whole number is written in decimal digits: [" + text + "]");
        }
        return text;
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("A boolean is true or false: [" + text + "]");
        };
    }

    /** One binder's editor for one kind; a binder serves one parameter of one request. */
    private static final class Editor extends PropertyEditorSupport {

        private final Function<String, Object> parse;

        Editor(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            setValue(text.isEmpty() ? null : parse.apply(text));
        }
    }
}
