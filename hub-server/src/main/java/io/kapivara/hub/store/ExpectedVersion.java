package io.kapivara.hub.store;

/**
 * What an append expects of its stream's current version; the append fails when the expectation
 * does not hold.
 *
 * <p>Versions are 0-based: a stream with one event is at version 0, and a stream with no events
 * is said to be at version -1.
 */
public sealed interface ExpectedVersion {

    /** Appends whatever the stream's state. */
    record Any() implements ExpectedVersion {
    }

    /** Appends only when the stream has no events yet. */
    record NoStream() implements ExpectedVersion {
    }

    /** Appends only when the stream has at least one event. */
    record StreamExists() implements ExpectedVersion {
    }

    /** Appends only when the stream's current version is exactly {@code version}. */
    record Exactly(long version) implements ExpectedVersion {
    }

    ExpectedVersion ANY = new Any();
    ExpectedVersion NO_STREAM = new NoStream();
    ExpectedVersion STREAM_EXISTS = new StreamExists();

    static ExpectedVersion exactly(long version) {
        return new Exactly(version);
    }

    /** Whether a stream whose current version is {@code current} (-1 when empty) satisfies this. */
    default boolean isMetBy(long current) {
        return switch (this) {
            case Any any -> true;
            case NoStream none -> current == -1;
            case StreamExists exists -> current >= 0;
            case Exactly exactly -> exactly.version() == current;
        };
    }

    /** The wire form: {@code any}, {@code no_stream}, {@code exists} or the number. */
    default String describe() {
        return switch (this) {
            case Any any -> "any";
            case NoStream none -> "no_stream";
            case StreamExists exists -> "exists";
            case Exactly exactly -> Long.toString(exactly.version());
        };
    }
}
