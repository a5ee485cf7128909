package io.kapivara.hub.dashboard.web;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event data and metadata as text for the pages ({@code ${@jsonView...}}): pretty-printed in full,
 * or compact and cut short. The text is shown with {@code th:text}, escaped like any other.
 */
public final class JsonView {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Indented, one member per line. */
    public String pretty(JsonNode json) {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree(json));
    }

    /** On one line, at most {@code max} characters, ending in {@code …} when cut. */
    public String preview(JsonNode json, int max) {
        String text = mapper.writeValueAsString(json);
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }

    // The hub hands stored JSON over as raw text nodes; writing and reading it again gives a tree
    // the pretty printer can indent.
    private JsonNode tree(JsonNode json) {
        return mapper.readTree(mapper.writeValueAsString(json));
    }
}
