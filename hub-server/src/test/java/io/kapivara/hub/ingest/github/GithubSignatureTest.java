package io.kapivara.hub.ingest.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kapivara.hub.ingest.InvalidSignatureException;

class GithubSignatureTest {

    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    private final GithubSignature signature = new GithubSignature("It's a Secret to Everybody");

    @Test
    void acceptsTheSignatureOfGithubsDocumentedExample() {
        // given the example in GitHub's guide to validating deliveries
        String header = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        // when / then
        assertThatCode(() -> signature.verify(header, BODY)).doesNotThrowAnyException();
        assertThat(signature.headerFor(BODY)).isEqualTo(header);
    }

    @Test
    void acceptsHexInCapitals() {
        // given
        String header = "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17";

        // when / then
        assertThatCode(() -> signature.verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void refusesAMissingSignature() {
        assertThatThrownBy(() -> signature.verify(null, BODY))
                .isInstanceOfSatisfying(InvalidSignatureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InvalidSignatureException.Reason.MISSING);
                    assertThat(e.header()).isEqualTo("X-Hub-Signature-256");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "sha256=xyz", "sha256=abc"})
    void refusesAMalformedSignature(String header) {
        assertThatThrownBy(() -> signature.verify(header, BODY))
                .isInstanceOfSatisfying(InvalidSignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidSignatureException.Reason.MALFORMED));
    }

    @Test
    void refusesTheSignatureOfAnotherSecretOrAnotherBody() {
        // given
        String otherSecret = new GithubSignature("another secret").headerFor(BODY);
        String otherBody = signature.headerFor("Hello, World?".getBytes(StandardCharsets.UTF_8));
        String truncated = signature.headerFor(BODY).substring(0, 21);

        // when / then
        for (String header : new String[] {otherSecret, otherBody, truncated}) {
            assertThatThrownBy(() -> signature.verify(header, BODY))
                    .isInstanceOfSatisfying(InvalidSignatureException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidSignatureException.Reason.MISMATCH));
        }
    }

    @Test
    void neverNamesTheExpectedSignatureInItsMessage() {
        // given
        String expected = signature.headerFor(BODY).substring("sha256=".length());

        // when / then
        assertThatThrownBy(() -> signature.verify("sha256=00", BODY)).message().doesNotContain(expected);
    }
}
