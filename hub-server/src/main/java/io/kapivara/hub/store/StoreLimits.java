package io.kapivara.hub.store;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.shared.InvalidRequestException;

/**
 * The input rules of the store, each bound a setting.
 *
 * @param maxNameLength    longest stream name, event type and partition key, in characters
 * @param maxEventsPerAppend most events one append may carry
 */
public record StoreLimits(int maxNameLength, int maxEventsPerAppend) {

    public static final StoreLimits DEFAULTS = new StoreLimits(200, 1_000);

    public StoreLimits {
        if (maxNameLength < 1 || maxEventsPerAppend < 1) {
            throw new IllegalArgumentException(
                    "Store limits must be positive: maxNameLength [%d] maxEventsPerAppend [%d]"
                    .formatted(maxNameLength, maxEventsPerAppend));
        }
    }

    /** Checks a stream name: the rules of {@link #checkName}, and those of {@link #checkCarriedByUrl}. */
    public void checkStreamName(String stream) {
        checkStreamName("stream", stream);
    }

    /** Checks a stream name as {@link #checkStreamName(String)}, naming {@code field} as the place of the fault. */
    public void checkStreamName(String field, String stream) {
        checkName(field, stream);
        checkCarriedByUrl(field, stream, "A stream name");
    }

    /** Checks an append against every rule that does not need the stored state. */
    public void check(AppendCommand command) {
        checkStreamName(command.stream());
        if (command.partitionKey() != null) {
            checkName("partitionKey", command.partitionKey());
        }
        checkEvents(command);
    }

    private void checkEvents(AppendCommand command) {
        int count = command.events().size();
        if (count == 0) {
            throw new InvalidRequestException("events", count, "An append carries at least one event");
        }
        if (count > maxEventsPerAppend) {
            throw new InvalidRequestException("events", count,
                    "An append carries at most " + maxEventsPerAppend + " events");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            NewEvent event = command.events().get(i);
            checkName("events[" + i + "].type", event.type());
            if (!seen.add(event.id())) {
                throw new InvalidRequestException("events[" + i + "].id", event.id(),
                        "An append names each event id once");
            }
        }
    }

    /**
     * Checks that one URL path segment can carry {@code value}, so that what is kept under it can
     * be named by URL again: the web server refuses {@code ;} and {@code \\} in every encoding and
     * resolves {@code .} and {@code ..} away. {@code what} starts the rule, e.g. "A stream name".
     *
     * @throws InvalidRequestException when it cannot
     */
    public static void checkCarriedByUrl(String field, String value, String what) {
        if (value.equals(".") || value.equals("..") || value.indexOf(';') >= 0 || value.indexOf('\\') >= 0) {
            throw new InvalidRequestException(field, value,
                    what + " travels in URL paths: it holds no ; or \\ and is not . or ..");
        }
    }

    /**
     * Checks any name the hub keeps (stream, event type, partition key, owner, subscription key): 1
     * to {@link #maxNameLength} characters, no whitespace, no control or invisible formatting
     * characters, no unpaired surrogates; {@code field} names the place of the fault.
     */
    public void checkName(String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidRequestException(field, value, "A name has 1 to " + maxNameLength + " characters");
        }
        if (value.codePointCount(0, value.length()) > maxNameLength) {
            throw new InvalidRequestException(field, value, "A name has 1 to " + maxNameLength + " characters");
        }
        value.codePoints().filter(StoreLimits::isForbiddenInName).findFirst().ifPresent(bad -> {
            throw new InvalidRequestException(field, value,
                    "A name holds no whitespace, control or invisible formatting characters (found U+%04X)"
                            .formatted(bad));
        });
    }

    private static boolean isForbiddenInName(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.FORMAT && codePoint != 0x200D
                || Character.getType(codePoint) == Character.SURROGATE;
    }
}
