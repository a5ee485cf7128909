package io.kapivara.hub.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A problem detail (RFC 9457) as the hub answered it, with its extension members as facts.
 *
 * @param request what was asked, for example {@code POST /api/streams/order-1}
 * @param slug    the last part of a hub problem type, or the whole type for a foreign one
 * @param fields  the extension members: everything but type, title, status, detail and instance
 */
record Problem(String request, int status, String type, String slug, String detail,
        Map<String, @Nullable Object> fields) {

    Problem {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A fact that must be present, as text. */
    String text(String name) {
        return String.valueOf(required(name));
    }

    @Nullable String optionalText(String name) {
        Object value = fields.get(name);
        return value == null ? null : String.valueOf(value);
    }

    /** A fact that must be present, as a whole number; a number sent as text is read too. */
    long number(String name) {
        Object value = required(name);
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Problem fact [%s] is a whole number: [%s]".formatted(name, value), e);
        }
    }

    OptionalLong optionalNumber(String name) {
        return fields.get(name) == null ? OptionalLong.empty() : OptionalLong.of(number(name));
    }

    UUID uuid(String name) {
        return UUID.fromString(text(name));
    }

    List<UUID> uuids(String name) {
        if (!(required(name) instanceof List<?> list)) {
            throw new IllegalArgumentException("Problem fact [%s] is a list: [%s]".formatted(name, fields.get(name)));
        }
        return list.stream().map(id -> UUID.fromString(String.valueOf(id))).toList();
    }

    private Object required(String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Problem [%s] lacks its fact [%s]".formatted(slug, name));
        }
        return value;
    }
}
