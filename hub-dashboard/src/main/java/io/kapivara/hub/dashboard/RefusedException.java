package io.kapivara.hub.dashboard;

/**
 * The hub refused what the dashboard asked. The message states the rule and the offending value,
 * in words fit to show an operator.
 */
public final class RefusedException extends RuntimeException {

    /** Why the hub refused, which decides the HTTP status of the page that says so. */
    public enum Reason {
        /** A value breaks an input rule. */
        INVALID,
        /** Something named does not exist. */
        NOT_FOUND,
        /** The request does not fit the hub's current state. */
        CONFLICT,
        /** The hub cannot answer now (its database is out of reach); a retry may succeed. */
        UNAVAILABLE
    }

    private final Reason reason;

    public RefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public RefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
