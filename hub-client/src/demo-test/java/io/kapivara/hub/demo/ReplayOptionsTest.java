package io.kapivara.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReplayOptionsTest {

    @Test
    void readsTheHubTheExamplesTheCacheAndTheSecretFromTheArguments() {
        // given
        String[] args = {"--hub", "http://hub.example:9000/", "--examples", "index.json", "--cache", "/var/cache/x",
            "--secret", "s3cret"};

        // when
        ReplayOptions options = ReplayOptions.parse(args, Map.of());

        // then
        assertThat(options.hub()).isEqualTo(URI.create("http://hub.example:9000"));
        assertThat(options.examples()).isEqualTo(Path.of("index.json"));
        assertThat(options.cache()).isEqualTo(Path.of("/var/cache/x"));
        assertThat(options.secret()).isEqualTo("s3cret");
        assertThat(options.help()).isFalse();
    }

    @Test
    void takesTheSecretAndTheCacheFromTheEnvironmentWhenNotGiven() {
        // given
        Map<String, String> env = Map.of("HUB_INGEST_GITHUB_SECRET", "from-env", "XDG_CACHE_HOME", "/xdg");

        // when
        ReplayOptions options = ReplayOptions.parse(new String[0], env);

        // then
        assertThat(options.hub()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.examples()).isNull();
        assertThat(options.cache()).isEqualTo(Path.of("/xdg", "kapivara-hub"));
        assertThat(options.secret()).isEqualTo("from-env");
    }

    @Test
    void sendsUnsignedWhenTheSecretIsBlank() {
        // when
        ReplayOptions options = ReplayOptions.parse(new String[0], Map.of("HUB_INGEST_GITHUB_SECRET", " "));

        // then
        assertThat(options.secret()).isNull();
    }

    @Test
    void refusesAnUnknownOptionAndAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--bogus"}, Map.of()))
                .hasMessage("Unknown option [--bogus]");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--hub"}, Map.of()))
                .hasMessage("Option --hub needs a value");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--examples", "--hub", "x"}, Map.of()))
                .hasMessage("Option --examples needs a value");
    }

    @Test
    void refusesAHubThatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--hub", "localhost:8080"}, Map.of()))
                .hasMessageContaining("--hub must be an http or https URL");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--hub", "ftp://hub.example"}, Map.of()))
                .hasMessageContaining("[ftp://hub.example]");
    }

    @Test
    void stopsAtHelp() {
        // when
        ReplayOptions options = ReplayOptions.parse(new String[] {"--help", "--bogus"}, Map.of());

        // then
        assertThat(options.help()).isTrue();
    }
}
