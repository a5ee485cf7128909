package io.kapivara.hub.bus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.kapivara.hub.shared.InvalidRequestException;

/**
 * Where a subscription's fetches stand: per bucket, the offset read up to and the epoch it was
 * read under. Opaque to clients: URL-safe base64 of {@code bucket:offset:epoch} triples. A bucket
 * whose epoch changed since (new holder, operator seek) restarts at its checkpoint.
 */
public record FetchCursor(Map<Integer, Position> positions) {

    public FetchCursor {
        positions = Map.copyOf(positions);
    }

    /** How far one bucket was read. */
    public record Position(long offset, long epoch) {
    }

    public static FetchCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            Map<Integer, Position> positions = new TreeMap<>();
            if (!plain.isEmpty()) {
                for (String triple : plain.split(",")) {
                    String[] parts = triple.split(":");
                    positions.put(Integer.parseInt(parts[0]),
                            new Position(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
                }
            }
            return new FetchCursor(positions);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidRequestException("cursor", text, "A cursor is one a fetch returned");
        }
    }

    public String encode() {
        String plain = new TreeMap<>(positions).entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue().offset() + ":" + entry.getValue().epoch())
                .collect(Collectors.joining(","));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
