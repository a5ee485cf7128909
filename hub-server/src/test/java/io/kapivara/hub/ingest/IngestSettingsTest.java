package io.kapivara.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    @Test
    void refusesABlankSecretRatherThanTakingItAsUnset() {
        assertThatThrownBy(() -> new IngestSettings.Github("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hub.ingest.github.secret");
    }

    @Test
    void neverShowsTheSecretInItsText() {
        IngestSettings settings = new IngestSettings(new IngestSettings.Github("very-secret-value"));

        assertThat(settings.toString()).doesNotContain("very-secret-value").contains("***");
        assertThat(new IngestSettings.Github(null).toString()).contains("unset");
    }
}
