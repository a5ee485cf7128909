package io.kapivara.hub.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based event ids: version 5 UUIDs (RFC 9562, SHA-1 over a namespace id and a name). The same
 * namespace and name always give the same id, so a delivery that arrives twice names the same event
 * and the store's idempotency turns the second arrival into a replay.
 */
public final class NameBasedIds {

    private NameBasedIds() {
    }

    /** The version 5 UUID of {@code name} (taken as UTF-8) in {@code namespace}. */
    public static UUID of(UUID namespace, String name) {
        return of(namespace, name.getBytes(StandardCharsets.UTF_8));
    }

    /** The version 5 UUID of the bytes {@code name} in {@code namespace}. */
    public static UUID of(UUID namespace, byte[] name) {
        MessageDigest sha1 = sha1();
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        ByteBuffer hash = ByteBuffer.wrap(sha1.digest(name));
        long high = (hash.getLong() & ~0xF000L) | 0x5000L;
        long low = (hash.getLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-1, this one does not", e);
        }
    }
}
