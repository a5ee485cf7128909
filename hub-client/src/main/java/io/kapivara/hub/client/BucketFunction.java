package io.kapivara.hub.client;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.digest.MurmurHash3;

/**
 * The documented function that puts a stream in a bucket. Server and client share it, so an
 * application can know where a stream lives without asking.
 *
 * <p>{@code bucket = floorMod(murmur3_x86_32(utf8(key), seed 0), buckets)}, where the key is the
 * partition key given at the stream's first append, or else the stream name.
 */
public final class BucketFunction {

    /** The most buckets a hub may have. */
    public static final int MAX_BUCKETS = 4_096;

    private BucketFunction() {
    }

    /**
     * The bucket of {@code key} in a hub of {@code buckets} buckets.
     *
     * @throws IllegalArgumentException when {@code buckets} is not within 1 to {@value #MAX_BUCKETS}
     */
    public static int bucketOf(String key, int buckets) {
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException(
                    "A hub has 1 to %d buckets: buckets [%d]".formatted(MAX_BUCKETS, buckets));
        }
        return Math.floorMod(hash(key), buckets);
    }

    /** The 32-bit x86 Murmur3 hash, seed 0, of the key's UTF-8 bytes. */
    public static int hash(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash32x86(bytes, 0, bytes.length, 0);
    }
}
