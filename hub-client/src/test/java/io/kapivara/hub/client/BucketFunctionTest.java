package io.kapivara.hub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import com.google.common.hash.Hashing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BucketFunctionTest {

    /** Key, bucket among 16, bucket among 4096: the table of docs/bus.md. */
    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of("", 0, 0),
                Arguments.of("a", 2, 2482),
                Arguments.of("abc", 10, 1018),
                Arguments.of("order-42", 14, 398),
                Arguments.of("order-43", 10, 3882),
                Arguments.of("customer-1", 4, 676),
                Arguments.of("kapivara/eventhub", 5, 3701),
                Arguments.of("café", 8, 3848),
                Arguments.of("é", 7, 1927),
                Arguments.of("日本語", 7, 663),
                Arguments.of("🦫", 8, 1528),
                Arguments.of("capivara-🦫", 5, 3989),
                Arguments.of("Ünïcödé/stream", 11, 315),
                Arguments.of("The quick brown fox jumps over the lazy dog", 3, 1827));
    }

    static Stream<String> keys() {
        return vectors().map(arguments -> (String) arguments.get()[0]);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void hashesLikeAnIndependentMurmur3Implementation(String key) {
        // given
        int independent = Hashing.murmur3_32_fixed(0).hashBytes(key.getBytes(StandardCharsets.UTF_8)).asInt();

        // when
        int hash = BucketFunction.hash(key);

        // then
        assertThat(hash).as("murmur3_x86_32 of [%s]", key).isEqualTo(independent);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void placesKeysInTheDocumentedBuckets(String key, int of16, int of4096) {
        assertThat(BucketFunction.bucketOf(key, 16)).as("bucket of [%s] among 16", key).isEqualTo(of16);
        assertThat(BucketFunction.bucketOf(key, 4096)).as("bucket of [%s] among 4096", key).isEqualTo(of4096);
    }

    @Test
    void hashesToThePublishedReferenceValues() {
        assertThat(BucketFunction.hash("")).isZero();
        assertThat(BucketFunction.hash("abc")).isEqualTo(0xB3DD93FA);
        assertThat(BucketFunction.hash("The quick brown fox jumps over the lazy dog")).isEqualTo(0x2E4FF723);
    }

    @Test
    void neverGivesANegativeBucketForANegativeHash() {
        // given a key whose hash is negative
        assertThat(BucketFunction.hash("abc")).isNegative();

        // then its bucket is the floor modulus, within range
        assertThat(BucketFunction.bucketOf("abc", 16)).isEqualTo(Math.floorMod(0xB3DD93FA, 16)).isBetween(0, 15);
    }

    @Test
    void refusesBucketCountsOutsideOneTo4096() {
        assertThatThrownBy(() -> BucketFunction.bucketOf("a", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0]");
        assertThatThrownBy(() -> BucketFunction.bucketOf("a", 4097)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[4097]");
        assertThat(BucketFunction.bucketOf("a", 1)).isZero();
    }
}
