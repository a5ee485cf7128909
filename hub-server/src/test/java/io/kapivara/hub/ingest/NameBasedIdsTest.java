package io.kapivara.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class NameBasedIdsTest {

    private static final UUID DNS_NAMESPACE = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    @Test
    void makesTheVersion5IdOfTheRfcExample() {
        // given the example of RFC 9562, appendix A.4

        // when
        UUID id = NameBasedIds.of(DNS_NAMESPACE, "www.example.com");

        // then
        assertThat(id).isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void givesTheSameIdForTheSameNameAndAnotherForAnotherNameOrNamespace() {
        // given
        UUID other = UUID.randomUUID();

        // when
        UUID first = NameBasedIds.of(DNS_NAMESPACE, "delivery-1");
        UUID again = NameBasedIds.of(DNS_NAMESPACE, "delivery-1");
        UUID next = NameBasedIds.of(DNS_NAMESPACE, "delivery-2");
        UUID elsewhere = NameBasedIds.of(other, "delivery-1");

        // then
        assertThat(again).isEqualTo(first);
        assertThat(next).isNotEqualTo(first);
        assertThat(elsewhere).isNotEqualTo(first);
    }
}
