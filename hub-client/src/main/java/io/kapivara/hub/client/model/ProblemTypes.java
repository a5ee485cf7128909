package io.kapivara.hub.client.model;

/**
 * The stable {@code type} of every problem detail the hub answers with. Each is
 * {@value #PREFIX} followed by a slug; the slugs never change meaning.
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:kapivara:hub:problem:";

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String NOT_FOUND = "not-found";
    public static final String WRONG_EXPECTED_VERSION = "wrong-expected-version";
    public static final String DUPLICATE_EVENT_ID = "duplicate-event-id";
    public static final String PARTITION_KEY_MISMATCH = "partition-key-mismatch";
    public static final String STREAM_NOT_FOUND = "stream-not-found";
    public static final String EVENT_NOT_FOUND = "event-not-found";
    public static final String OWNER_NOT_FOUND = "owner-not-found";
    public static final String SUBSCRIPTION_NOT_FOUND = "subscription-not-found";
    public static final String BUCKET_NOT_FOUND = "bucket-not-found";
    public static final String LEASE_LOST = "lease-lost";
    public static final String OFFSET_BEHIND = "offset-behind";
    public static final String OFFSET_BEYOND_HEAD = "offset-beyond-head";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String CROSS_SITE_REQUEST = "cross-site-request";
    public static final String UNAVAILABLE = "unavailable";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String INVALID_SIGNATURE = "invalid-signature";

    private ProblemTypes() {
    }

    /** The full {@code type} URI of a slug. */
    public static String uri(String slug) {
        return PREFIX + slug;
    }

    /** The slug of a {@code type} URI, or the URI itself when it is not one of the hub's. */
    public static String slugOf(String type) {
        return type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : type;
    }
}
