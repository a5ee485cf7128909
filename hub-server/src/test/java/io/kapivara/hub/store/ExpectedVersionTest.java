package io.kapivara.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void anyIsMetByEveryState() {
        assertThat(ExpectedVersion.ANY.isMetBy(-1)).isTrue();
        assertThat(ExpectedVersion.ANY.isMetBy(41)).isTrue();
    }

    @Test
    void noStreamIsMetOnlyByAnEmptyStream() {
        assertThat(ExpectedVersion.NO_STREAM.isMetBy(-1)).isTrue();
        assertThat(ExpectedVersion.NO_STREAM.isMetBy(0)).isFalse();
    }

    @Test
    void existsIsMetByAnyStreamWithEvents() {
        assertThat(ExpectedVersion.STREAM_EXISTS.isMetBy(-1)).isFalse();
        assertThat(ExpectedVersion.STREAM_EXISTS.isMetBy(0)).isTrue();
    }

    @Test
    void exactlyIsMetOnlyByThatVersion() {
        assertThat(ExpectedVersion.exactly(3).isMetBy(3)).isTrue();
        assertThat(ExpectedVersion.exactly(3).isMetBy(2)).isFalse();
        assertThat(ExpectedVersion.exactly(3).describe()).isEqualTo("3");
    }
}
