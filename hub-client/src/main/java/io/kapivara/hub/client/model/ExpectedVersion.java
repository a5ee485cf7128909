package io.kapivara.hub.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an append expects of its stream: {@code "any"}, {@code "no_stream"}, {@code "exists"}, or
 * the exact current version (0-based: a stream with one event is at version 0).
 */
public final class ExpectedVersion {

    public static final ExpectedVersion ANY = new ExpectedVersion("any", -1);
    public static final ExpectedVersion NO_STREAM = new ExpectedVersion("no_stream", -1);
    public static final ExpectedVersion EXISTS = new ExpectedVersion("exists", -1);

    private final String keyword;
    private final long version;

    private ExpectedVersion(String keyword, long version) {
        this.keyword = keyword;
        this.version = version;
    }

    /** Expects the stream's current version to be exactly {@code version}. */
    public static ExpectedVersion exactly(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("An exact expected version is 0 or more: [%d]".formatted(version));
        }
        return new ExpectedVersion("", version);
    }

    /** Reads the wire form: one of the keywords or a number. */
    @JsonCreator
    public static ExpectedVersion parse(Object value) {
        if (value instanceof Number number) {
            if (!(number instanceof Long || number instanceof Integer || number instanceof Short)) {
                throw new IllegalArgumentException(
                        "An exact expected version is a whole number: [%s]".formatted(value));
            }
            return exactly(number.longValue());
        }
        return switch (String.valueOf(value)) {
            case "any" -> ANY;
            case "no_stream" -> NO_STREAM;
            case "exists" -> EXISTS;
            default -> throw new IllegalArgumentException(
                    "An expected version is any, no_stream, exists or a number: [%s]".formatted(value));
        };
    }

    /** The wire form: the keyword, or the version as a number. */
    @JsonValue
    public Object toJson() {
        return keyword.isEmpty() ? (Object) version : keyword;
    }

    public boolean isExact() {
        return keyword.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExpectedVersion that && keyword.equals(that.keyword) && version == that.version;
    }

    @Override
    public int hashCode() {
        return keyword.hashCode() * 31 + Long.hashCode(version);
    }

    @Override
    public String toString() {
        return String.valueOf(toJson());
    }
}
