package io.kapivara.hub.client;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Builds the path and query of a request, percent-encoding every value. A value becomes exactly
 * one path segment or one query value, whatever it holds: {@code /} is sent as {@code %2F}, a
 * space as {@code %20} (never {@code +}), and any other character but the unreserved ones of
 * RFC 3986 as the {@code %XX} of its UTF-8 bytes.
 */
final class ApiPath {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder path;
    private final StringBuilder query = new StringBuilder();

    private ApiPath(String fixed) {
        this.path = new StringBuilder(fixed);
    }

    /** A path starting with {@code fixed}, taken as it is; for example {@code /api/streams}. */
    static ApiPath of(String fixed) {
        return new ApiPath(fixed);
    }

    /**
     * Adds {@code /} and the encoded value.
     *
     * @throws IllegalArgumentException when the value is {@code .} or {@code ..}: URLs resolve these
     *                                  segments and the hub refuses them encoded, so no request
     *                                  could name them
     */
    ApiPath segment(String value) {
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(
                    "A name in a request path is not . or .., which a URL cannot carry: [%s]".formatted(value));
        }
        path.append('/').append(encode(value));
        return this;
    }

    /** Adds a query parameter, unless {@code value} is null. */
    ApiPath param(String name, @Nullable Object value) {
        if (value != null) {
            query.append(query.isEmpty() ? '?' : '&').append(encode(name)).append('=')
                    .append(encode(String.valueOf(value)));
        }
        return this;
    }

    @Override
    public String toString() {
        return path.toString() + query;
    }

    /**
     * Percent-encodes everything but RFC 3986's unreserved characters.
     *
     * @throws IllegalArgumentException when the value is not well-formed UTF-16 (an unpaired
     *                                  surrogate), rather than sending a changed value
     */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length() + 16);
        ByteBuffer bytes = utf8(value);
        while (bytes.hasRemaining()) {
            int b = bytes.get() & 0xFF;
            if (isUnreserved(b)) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0x0F]);
            }
        }
        return encoded.toString();
    }

    private static ByteBuffer utf8(String value) {
        try {
            return StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "A name in a request is well-formed Unicode (no unpaired surrogate): [%s]".formatted(value), e);
        }
    }

    private static boolean isUnreserved(int b) {
        return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
                || b == '-' || b == '.' || b == '_' || b == '~';
    }
}
