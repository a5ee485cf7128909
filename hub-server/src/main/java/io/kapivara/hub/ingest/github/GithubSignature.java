package io.kapivara.hub.ingest.github;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.ingest.InvalidSignatureException;
import io.kapivara.hub.ingest.InvalidSignatureException.Reason;

/**
 * Checks the {@code X-Hub-Signature-256} header GitHub adds when a webhook has a secret: {@code
 * sha256=} followed by the hex HMAC-SHA256 of the raw request body, keyed with the secret.
 */
final class GithubSignature {

    static final String HEADER = "X-Hub-Signature-256";

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    GithubSignature(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** Returns quietly when {@code header} signs {@code body}; refuses it otherwise. */
    void verify(@Nullable String header, byte[] body) {
        if (header == null || header.isEmpty()) {
            throw new InvalidSignatureException(HEADER, Reason.MISSING);
        }
        byte[] given = parse(header);
        // Constant time: the comparison takes as long whatever the first differing byte.
        if (!MessageDigest.isEqual(sign(body), given)) {
            throw new InvalidSignatureException(HEADER, Reason.MISMATCH);
        }
    }

    /** The header value that signs {@code body}. */
    String headerFor(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(sign(body));
    }

    private static byte[] parse(String header) {
        if (!header.startsWith(PREFIX)) {
            throw new InvalidSignatureException(HEADER, Reason.MALFORMED);
        }
        try {
            return HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException(HEADER, Reason.MALFORMED);
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java platform provides HmacSHA256, this one does not", e);
        }
    }
}
