package io.kapivara.hub.ingest;

import io.kapivara.hub.shared.HubException;

/**
 * A delivery whose signature is missing, malformed or does not match the configured secret. The
 * facts name the header and the reason only, never the expected signature.
 */
public final class InvalidSignatureException extends HubException {

    /** Why a signature was refused. */
    public enum Reason {
        MISSING, MALFORMED, MISMATCH;

        /** The reason as the problem detail spells it. */
        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String header;
    private final Reason reason;

    public InvalidSignatureException(String header, Reason reason) {
        super("A delivery carries a valid signature of its raw body made with the configured secret: header [%s] %s"
                .formatted(header, reason.slug()));
        this.header = header;
        this.reason = reason;
    }

    public String header() {
        return header;
    }

    public Reason reason() {
        return reason;
    }
}
