package io.kapivara.hub.shared.web;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.store.JsonText;

/**
 * Reads request bodies as JSON trees, and turns JSON values into text the event log stores without
 * change.
 *
 * <p>PostgreSQL's {@code jsonb} cannot hold the character U+0000 nor unpaired UTF-16 surrogates, and
 * keeps only the last of duplicate keys; a number beyond its {@code numeric} range fails. Each of
 * these is refused here, naming where it was found, rather than being stored changed or failing
 * deep in the database. Numbers are read exactly (no rounding through {@code double}).
 */
public final class StorableJson {

    // numeric holds up to 131072 digits before the decimal point and 16383 after it.
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_FRACTION_DIGITS = 16_383;

    private final JsonMapper mapper;

    public StorableJson(JsonMapper mapper) {
        this.mapper = mapper.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Parses a body; malformed JSON, duplicate keys and too deep nesting are refused. */
    public JsonNode read(InputStream body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRequestException("body", "", "A request body holds one JSON value");
            }
            return node;
        } catch (JacksonException e) {
            if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw new InvalidRequestException("body", ParserMessages.plain(firstSentence(e.getOriginalMessage())),
                    "A request body is well-formed JSON");
        }
    }

    /** The parser's own words without the source excerpt it appends, which would be redacted noise. */
    private static String firstSentence(String message) {
        int cut = message.indexOf(" (start marker at");
        String shorter = cut > 0 ? message.substring(0, cut) : message;
        int source = shorter.indexOf("[Source:");
        return (source > 0 ? shorter.substring(0, source) : shorter).strip();
    }

    /** Checks that {@code value}, found at {@code field}, can be stored unchanged, and returns its text. */
    public JsonText storable(String field, JsonNode value) {
        check(field, value);
        return new JsonText(mapper.writeValueAsString(value));
    }

    /** The mapper with exact numbers and strict duplicate keys, for adapters that read bodies. */
    public JsonMapper mapper() {
        return mapper;
    }

    private void check(String path, JsonNode node) {
        if (node.isString()) {
            checkText(path, node.asString());
        } else if (node.isNumber()) {
            checkNumber(path, node);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(path + "[" + i + "]", node.get(i));
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                checkText(path + " key", entry.getKey());
                check(path + "." + entry.getKey(), entry.getValue());
            }
        }
    }

    private static void checkText(String path, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new InvalidRequestException(path, "\\u0000",
                        "JSON text cannot hold U+0000 (PostgreSQL jsonb refuses it)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidRequestException(path, "\\u%04x".formatted((int) c),
                        "JSON text cannot hold an unpaired UTF-16 surrogate");
            }
        }
    }

    private static void checkNumber(String path, JsonNode node) {
        if (!node.isBigDecimal() && !node.isBigInteger()) {
            return;
        }
        BigDecimal number = node.decimalValue();
        int fraction = Math.max(number.scale(), 0);
        int integer = number.precision() - number.scale();
        if (integer > MAX_INTEGER_DIGITS || fraction > MAX_FRACTION_DIGITS) {
            throw new InvalidRequestException(path, number.toString(),
                    "A JSON number has at most 131072 digits before the point and 16383 after it");
        }
    }

}
