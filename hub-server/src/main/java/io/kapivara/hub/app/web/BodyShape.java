package io.kapivara.hub.app.web;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.ParserMessages;

/**
 * Says in plain words where a request body that failed to bind breaks its documented shape, and
 * what was sent there. The JSON library's own message names its classes and settings instead.
 */
final class BodyShape {

    private static final Pattern SENT_VALUE = Pattern.compile(
            "(?:String|Integer|Floating-point|Boolean|Numeric) value \\((.*?)\\)(?= to | out of range)");

    private BodyShape() {
    }

    static InvalidRequestException refusal(JacksonException e) {
        Optional<InvalidRequestException> trailing = ParserMessages.trailing(e);
        if (trailing.isPresent()) {
            return trailing.get();
        }
        String field = fieldOf(e);
        return switch (e) {
            case UnrecognizedPropertyException unknown -> new InvalidRequestException(field,
                    unknown.getPropertyName(), "A request body holds only its documented fields" + known(unknown));
            case MismatchedInputException mismatch -> new InvalidRequestException(field, valueOf(mismatch),
                    rule(field, kindOf(mismatch.getTargetType())));
            case InputCoercionException outOfRange ->
                    new InvalidRequestException(field, sentOr(outOfRange, "a number"),
                            rule(field, kindOf(outOfRange.getTargetType()) + rangeOf(outOfRange.getTargetType())));
            default -> new InvalidRequestException(field, ParserMessages.plain(e.getOriginalMessage()),
                    "A request body is well-formed JSON");
        };
    }

    private static String known(UnrecognizedPropertyException unknown) {
        if (unknown.getKnownPropertyIds() == null || unknown.getKnownPropertyIds().isEmpty()) {
            return "";
        }
        return unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                .collect(Collectors.joining(", ", " (here: ", ")"));
    }

    private static String rule(String field, String kind) {
        return field.equals("body") ? "A request body is " + kind : "Field " + field + " is " + kind;
    }

    /** The JSON path of the failure, like {@code [0].offset}; {@code body} for the whole body. */
    private static String fieldOf(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String valueOf(MismatchedInputException e) {
        if (e instanceof InvalidFormatException invalid) {
            return String.valueOf(invalid.getValue());
        }
        JsonToken token = e.getCurrentToken();
        if (token == null) {
            return "null";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> sentOr(e, "a string");
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> sentOr(e, "a number");
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            // JSON null, or a property the body left out: the parser then stands at the end of its object.
            default -> "null";
        };
    }

    /**
     * The value sent, as the library's message quotes it ({@code String value ("x") to}, {@code
     * Numeric value (1e99) out of range}); else what kind of value it was. The parser that read it is
     * closed by the time the failure arrives here, so the message is the only place that keeps it.
     */
    private static String sentOr(JacksonException e, String kind) {
        Matcher sent = SENT_VALUE.matcher(e.getOriginalMessage());
        if (!sent.find()) {
            return kind;
        }
        String value = sent.group(1);
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static String kindOf(@Nullable Class<?> type) {
        if (type == null || type == Object.class) {
            return "of the documented type";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum()) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String rangeOf(@Nullable Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return " from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return " within range";
    }
}
