package io.kapivara.hub.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HubClientBuilderTest {

    @Test
    void refusesToBuildWithoutABaseUrl() {
        assertThatThrownBy(() -> HubClient.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("baseUrl");
    }

    @Test
    void refusesABaseUrlThatIsNotHttpOrHasAQuery() {
        assertThatThrownBy(() -> HubClient.builder().baseUrl("ftp://hub.example").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://hub.example");
        assertThatThrownBy(() -> HubClient.builder().baseUrl("http://hub.example/?a=1").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HubClient.builder().baseUrl("hub.example").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesTimeoutsThatAreNotPositiveAndTokensSpanningLines() {
        assertThatThrownBy(() -> HubClient.builder().baseUrl("http://h").requestTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> HubClient.builder().baseUrl("http://h").apiToken("a\nb").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("apiToken")
                .hasMessageNotContaining("a\nb");
    }
}
