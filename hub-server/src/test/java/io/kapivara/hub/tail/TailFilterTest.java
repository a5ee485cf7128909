package io.kapivara.hub.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.store.JsonText;
import io.kapivara.hub.store.RecordedEvent;
import io.kapivara.hub.store.StoreLimits;

class TailFilterTest {

    private static RecordedEvent event(String stream, String type, int bucket) {
        return new RecordedEvent(UUID.randomUUID(), stream, type, new JsonText("{}"), null, 0, 1, bucket, 1,
                Instant.EPOCH);
    }

    @Test
    void letsThroughWhatMatchesEveryGivenPart() {
        TailFilter filter = TailFilter.of(Map.of("type", "order.paid", "bucket", "3", "stream", ""),
                StoreLimits.DEFAULTS, 16);

        assertThat(filter.matches(event("order-1", "order.paid", 3))).isTrue();
        assertThat(filter.matches(event("order-1", "order.placed", 3))).isFalse();
        assertThat(filter.matches(event("order-1", "order.paid", 4))).isFalse();
        assertThat(filter.describe()).isEqualTo("type order.paid, bucket 3");
        assertThat(TailFilter.of(Map.of(), StoreLimits.DEFAULTS, 16)).isEqualTo(TailFilter.ALL);
    }

    @Test
    void refusesABucketThatDoesNotExistOrIsNoNumber() {
        assertThatThrownBy(() -> TailFilter.of(Map.of("bucket", "16"), StoreLimits.DEFAULTS, 16))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("A bucket is a whole number, 0 to 15");
        assertThatThrownBy(() -> TailFilter.of(Map.of("bucket", "x"), StoreLimits.DEFAULTS, 16))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> TailFilter.of(Map.of("type", "a".repeat(201)), StoreLimits.DEFAULTS, 16))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void readsTheFilterFromTheQueryOfTheWebSocketAddress() {
        Map<String, String> parameters = TailSocketHandler.parameters(
                URI.create("ws://hub/ws/tail?stream=github-org%2Frepo&type=push+event&bucket=&stream=second"));

        assertThat(parameters).containsEntry("stream", "github-org/repo").containsEntry("type", "push event")
                .containsEntry("bucket", "");
    }

    @Test
    void cutsACloseReasonToWhatACloseFrameCarries() {
        String reason = TailSocketHandler.reason("é".repeat(100));

        assertThat(reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(reason).endsWith("…");
        assertThat(TailSocketHandler.reason("short")).isEqualTo("short");
    }

    @Test
    void sendsAPreviewOfLargeDataSoEveryFrameIsSmall() {
        TailFrames frames = new TailFrames(JsonMapper.builder().build());
        String big = "{\"text\": \"" + "x".repeat(10_000) + "\"}";
        RecordedEvent event = new RecordedEvent(UUID.randomUUID(), "s-1", "t", new JsonText(big), null, 0, 1, 0, 1,
                Instant.EPOCH);

        String frame = frames.event(event);

        assertThat(frame.length()).isLessThan(1_000);
        assertThat(frame).contains("\"cut\":true");
    }
}
