package io.kapivara.hub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the webhook definitions of {@code @octokit/webhooks-examples}: a JSON array whose entries
 * each have a {@code name} (the {@code X-GitHub-Event} value) and {@code examples} (payloads).
 */
final class WebhookExamples {

    /** The index of the payloads GitHub.com sends, inside the package. */
    static final String INDEX = "api.github.com/index.json";

    /** Exact decimals, so a payload goes out with the numbers it came with. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private WebhookExamples() {
    }

    /** The deliveries in the file or folder given, or in the npm package when none is given. */
    static List<Delivery> load(ReplayOptions options) {
        Path source = options.examples() == null ? NpmPackage.tarball(options.cache()) : options.examples();
        if (!Files.exists(source)) {
            throw new ReplayException("No file or folder at " + source.toAbsolutePath());
        }
        System.out.printf("Reading the examples from %s%n", source);
        try (InputStream in = open(source)) {
            return deliveries(JSON.readTree(in), source);
        } catch (IOException e) {
            throw new ReplayException("Cannot read " + source + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new ReplayException("The examples in %s are not valid JSON: %s"
                    .formatted(source, e.getOriginalMessage()), e);
        }
    }

    private static InputStream open(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            return Files.newInputStream(indexIn(source));
        }
        String name = source.getFileName().toString();
        if (name.endsWith(".tgz") || name.endsWith(".tar.gz")) {
            return indexInTarball(source);
        }
        return Files.newInputStream(source);
    }

    private static Path indexIn(Path folder) {
        for (Path candidate : List.of(folder.resolve(INDEX), folder.resolve("package").resolve(INDEX))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new ReplayException("The folder " + folder + " holds neither " + INDEX + " nor package/" + INDEX);
    }

    /** The index entry of a package tarball, read in place. */
    private static InputStream indexInTarball(Path tarball) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)));
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            if (entry.isFile() && (entry.getName().equals("package/" + INDEX) || entry.getName().equals(INDEX))) {
                return tar;
            }
        }
        tar.close();
        throw new ReplayException("The tarball " + tarball + " holds no package/" + INDEX);
    }

    private static List<Delivery> deliveries(JsonNode definitions, Path source) {
        if (!definitions.isArray()) {
            throw new ReplayException(source + " is not a JSON array of webhook definitions");
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (JsonNode definition : definitions) {
            String event = definition.path("name").asString("");
            if (event.isBlank()) {
                throw new ReplayException(source + " has a webhook definition without a name");
            }
            int index = 0;
            for (JsonNode payload : definition.path("examples")) {
                String action = payload.path("action").asString("");
                deliveries.add(new Delivery(event, index++, action, JSON.writeValueAsBytes(payload)));
            }
        }
        return deliveries;
    }
}
