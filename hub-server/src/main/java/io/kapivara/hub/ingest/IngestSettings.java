package io.kapivara.hub.ingest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code hub.ingest.*} setting; see docs/ingest.md. A value out of range stops the start with
 * a message naming the setting.
 */
@ConfigurationProperties("hub.ingest")
public record IngestSettings(@DefaultValue Github github) {

    /**
     * @param secret the webhook secret shared with GitHub ({@code HUB_INGEST_GITHUB_SECRET}); when set,
     *               every delivery must carry a matching {@code X-Hub-Signature-256}, when unset none is
     *               checked
     */
    public record Github(@Nullable String secret) {

        public Github {
            // An empty value most often comes from an unset variable in a deployment file; taking it
            // as "no secret" would silently accept unsigned deliveries.
            if (secret != null && secret.isBlank()) {
                throw new IllegalArgumentException(
                        "hub.ingest.github.secret must not be blank when set; leave it unset to accept unsigned "
                                + "deliveries");
            }
        }

        @Override
        public String toString() {
            return "Github[secret=" + (secret == null ? "unset" : "***") + "]";
        }
    }
}
