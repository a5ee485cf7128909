package io.kapivara.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookExamplesTest {

    /** The shape of the package's index: definitions with a name and example payloads. */
    private static final String INDEX = """
            [{"name": "push", "description": "…", "examples": [{"ref": "refs/heads/main", "size": 1.10}]},
             {"name": "issues", "examples": [
                {"action": "opened", "issue": {"number": 12345678901234567890}},
                {"action": "closed", "issue": {"title": "café 🦫"}}]},
             {"name": "meta", "examples": []}]
            """;

    @TempDir
    Path dir;

    @Test
    void readsEveryExampleOfEveryDefinitionInOrderFromTheIndexFile() throws IOException {
        // given
        Path index = Files.writeString(dir.resolve("index.json"), INDEX);

        // when
        List<Delivery> deliveries = WebhookExamples.load(options(index));

        // then
        assertThat(deliveries).extracting(Delivery::type, Delivery::index)
                .containsExactly(tuple("push", 0), tuple("issues.opened", 0), tuple("issues.closed", 1));
    }

    @Test
    void sendsThePayloadWithItsExactNumbersAndTextInUtf8() throws IOException {
        // given
        Path index = Files.writeString(dir.resolve("index.json"), INDEX);

        // when
        List<Delivery> deliveries = WebhookExamples.load(options(index));

        // then
        assertThat(body(deliveries.get(0))).isEqualTo("{\"ref\":\"refs/heads/main\",\"size\":1.10}");
        assertThat(body(deliveries.get(1))).contains("12345678901234567890");
        assertThat(body(deliveries.get(2))).contains("café 🦫");
    }

    @Test
    void readsTheIndexOutOfThePackageTarball() throws IOException {
        // given
        Path tarball = dir.resolve("octokit-webhooks-examples-7.6.1.tgz");
        writeTarball(tarball, "package/package.json", "{}", "package/api.github.com/index.json", INDEX);

        // when
        List<Delivery> deliveries = WebhookExamples.load(options(tarball));

        // then
        assertThat(deliveries).hasSize(3);
    }

    @Test
    void readsTheIndexFromAFolderWithThePackageUnpacked() throws IOException {
        // given
        Path index = dir.resolve("package").resolve(WebhookExamples.INDEX);
        Files.createDirectories(index.getParent());
        Files.writeString(index, INDEX);

        // when
        List<Delivery> deliveries = WebhookExamples.load(options(dir));

        // then
        assertThat(deliveries).extracting(Delivery::event).containsExactly("push", "issues", "issues");
    }

    @Test
    void refusesWhatHoldsNoIndex() throws IOException {
        // given
        Path tarball = dir.resolve("other.tgz");
        writeTarball(tarball, "package/package.json", "{}");
        Path notAnArray = Files.writeString(dir.resolve("object.json"), "{\"name\": \"push\"}");

        // then
        assertThatThrownBy(() -> WebhookExamples.load(options(dir.resolve("missing.json"))))
                .isInstanceOf(ReplayException.class).hasMessageContaining("No file or folder at");
        assertThatThrownBy(() -> WebhookExamples.load(options(dir)))
                .isInstanceOf(ReplayException.class).hasMessageContaining("holds neither api.github.com/index.json");
        assertThatThrownBy(() -> WebhookExamples.load(options(tarball)))
                .isInstanceOf(ReplayException.class).hasMessageContaining("holds no package/api.github.com/index.json");
        assertThatThrownBy(() -> WebhookExamples.load(options(notAnArray)))
                .isInstanceOf(ReplayException.class).hasMessageContaining("is not a JSON array");
    }

    private ReplayOptions options(Path examples) {
        return new ReplayOptions(URI.create("http://localhost:8080"), examples, dir.resolve("cache"), null, false);
    }

    private static String body(Delivery delivery) {
        return new String(delivery.body(), StandardCharsets.UTF_8);
    }

    /** A gzipped tar of the given name and content pairs, as npm pack writes one. */
    private static void writeTarball(Path file, String... namesAndContents) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(namesAndContents[i]);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
    }
}
