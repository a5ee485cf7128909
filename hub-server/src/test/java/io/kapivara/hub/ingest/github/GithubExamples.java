package io.kapivara.hub.ingest.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real GitHub payloads for tests: the committed sample, or the whole example index of
 * {@code @octokit/webhooks-examples} when {@code HUB_GITHUB_EXAMPLES} (or the system property
 * {@code hub.github.examples}) names that file.
 */
final class GithubExamples {

    static final String SAMPLE = "/github-webhooks/sample.index.json";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private GithubExamples() {
    }

    /** One payload and the event name GitHub sends it under. */
    record Example(String event, ObjectNode payload) {

        /** The payload as GitHub sends it: compact JSON in UTF-8, non-ASCII text unescaped. */
        byte[] body() {
            return MAPPER.writeValueAsBytes(payload);
        }

        String action() {
            return payload.path("action").asString("");
        }
    }

    /** Where the examples come from, for the test log. */
    static String origin() {
        Path full = fullIndex();
        return full == null ? "classpath:" + SAMPLE : full.toString();
    }

    /** The whole index when it is named, else the committed sample. */
    static List<Example> all() {
        Path full = fullIndex();
        if (full == null) {
            return sample();
        }
        try (InputStream in = Files.newInputStream(full)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GitHub examples at " + full, e);
        }
    }

    static List<Example> sample() {
        try (InputStream in = GithubExamples.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("The test resource " + SAMPLE + " is missing");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first sample payload of this event, with this action when one is given; a fresh copy. */
    static Example first(String event, String action) {
        return sample().stream()
                .filter(example -> example.event().equals(event))
                .filter(example -> action.isEmpty() || example.action().equals(action))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No sample of " + event + " " + action));
    }

    private static List<Example> read(InputStream in) {
        List<Example> examples = new ArrayList<>();
        for (JsonNode definition : MAPPER.readTree(in)) {
            String event = definition.path("name").asString();
            for (JsonNode payload : definition.path("examples")) {
                examples.add(new Example(event, (ObjectNode) payload));
            }
        }
        return examples;
    }

    private static Path fullIndex() {
        String named = System.getProperty("hub.github.examples", System.getenv("HUB_GITHUB_EXAMPLES"));
        if (named == null || named.isBlank()) {
            return null;
        }
        Path path = Path.of(named);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("HUB_GITHUB_EXAMPLES names no file: " + named);
        }
        return path;
    }
}
