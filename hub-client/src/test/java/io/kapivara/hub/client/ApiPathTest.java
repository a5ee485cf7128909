package io.kapivara.hub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiPathTest {

    @Test
    void encodesSlashAsPercent2FAndSpaceAsPercent20() {
        assertThat(ApiPath.encode("octo/repo name")).isEqualTo("octo%2Frepo%20name");
        assertThat(ApiPath.encode("a+b")).isEqualTo("a%2Bb");
    }

    @Test
    void encodesNonAsciiAsTheUtf8BytesOfEachCharacter() {
        assertThat(ApiPath.encode("é")).isEqualTo("%C3%A9");
        assertThat(ApiPath.encode("日本")).isEqualTo("%E6%97%A5%E6%9C%AC");
        assertThat(ApiPath.encode("🦫")).isEqualTo("%F0%9F%A6%AB");
    }

    @Test
    void keepsUnreservedCharactersAndEncodesEveryDelimiter() {
        assertThat(ApiPath.encode("Az09-._~")).isEqualTo("Az09-._~");
        assertThat(ApiPath.encode("?#[]@!$&'()*,;=%:")).isEqualTo(
                "%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2C%3B%3D%25%3A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-42", "octo/repo", "a b/c?d#e", "100%", "café/日本語/🦫", "x+y=z&w", "...", ".a", "a/.."})
    void givesEachNameExactlyOnePathSegmentThatDecodesBackToIt(String name) {
        // when
        URI uri = URI.create("http://127.0.0.1:8080" + ApiPath.of("/api/streams").segment(name));

        // then
        String[] segments = uri.getRawPath().split("/", -1);
        assertThat(segments).hasSize(4);
        assertThat(URLDecoder.decode(segments[3], StandardCharsets.UTF_8)).isEqualTo(name);
    }

    @Test
    void buildsTheQueryLeavingOutNullValues() {
        String path = ApiPath.of("/api/events")
                .param("after", 5L)
                .param("type", null)
                .param("category", "a b&c")
                .toString();

        assertThat(path).isEqualTo("/api/events?after=5&category=a%20b%26c");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void refusesADotSegmentWhichNoUrlCanCarryAsAName(String name) {
        assertThatThrownBy(() -> ApiPath.of("/api/streams").segment(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[" + name + "]");
    }

    @Test
    void refusesAnUnpairedSurrogateRatherThanSendingAnotherName() {
        assertThatThrownBy(() -> ApiPath.encode("bad\uD800name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
    }
}
