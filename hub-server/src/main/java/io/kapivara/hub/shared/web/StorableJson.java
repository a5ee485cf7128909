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
 * keeps only the last of duplicate keys. It keeps a number as {@code numeric} and writes it back in
 * plain digits, without an exponent: {@code 1E131071}, nine bytes in, would come back as 131,072
 * digits, and a few thousand of them would make one event too big for any reader. Each of these is
 * refused here, naming where it was found, rather than being stored changed, failing deep in the
 * database, or being stored and never read again. Numbers are read exactly (no rounding through
 * {@code double}).
 */
public final class StorableJson {

    // As many digits as the parser takes in a number written out in full (Jackson's default
    // maximum number length, which most readers of the events keep too).
    static final int MAX_DIGITS = 1_000;

    private static final String NUMBER_RULE =
            "A JSON number, written out in plain digits, has at most 1000 digits";

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
            ParserMessages.trailing(e).ifPresent(trailing -> {
                throw trailing;
            });
            throw new InvalidRequestException("body", ParserMessages.plain(firstSentence(e.getOriginalMessage())),
                    "A request body is well-formed JSON");
        } catch (NumberFormatException e) {
            // An exponent beyond what a Java number can carry (1E999999999999), met while building
            // the tree; the parser has no path to give at that point.
            throw new InvalidRequestException("body", "a number with an exponent out of range", NUMBER_RULE);
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
        long fraction = Math.max(number.scale(), 0);
        long integer = Math.max((long) number.precision() - number.scale(), 1);
        if (integer + fraction > MAX_DIGITS) {
            String sent = number.toString();
            throw new InvalidRequestException(path, sent.length() <= 40 ? sent : sent.substring(0, 37) + "...",
                    NUMBER_RULE);
        }
    }

}
