package io.kapivara.hub.shared;

import org.jspecify.annotations.Nullable;

/** A request that breaks an input rule: a name too long, a limit out of range, a bad value. */
public final class InvalidRequestException extends HubException {

    private final String field;
    private final @Nullable Object value;
    private final String rule;

    public InvalidRequestException(String field, @Nullable Object value, String rule) {
        super(rule + ": " + abbreviate(field) + " [" + abbreviate(value) + "]");
        this.field = field;
        this.value = value;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public @Nullable Object value() {
        return value;
    }

    public String rule() {
        return rule;
    }

    private static String abbreviate(@Nullable Object value) {
        String text = String.valueOf(value);
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
