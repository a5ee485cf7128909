package io.kapivara.hub.store.jdbc;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The payload of the {@code hub_appends} notification: the new head offset of each bucket an
 * append group touched, as {@code bucket:head} pairs separated by commas. PostgreSQL caps a
 * payload at 8000 bytes, so a group touching very many buckets sends {@code *} (all buckets).
 */
final class AppendNotice {

    static final String ALL_BUCKETS = "*";

    private static final int MAX_PAYLOAD = 7_900;

    private AppendNotice() {
    }

    static String encode(Map<Integer, Long> bucketHeads) {
        String payload = bucketHeads.entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(","));
        return payload.length() <= MAX_PAYLOAD ? payload : ALL_BUCKETS;
    }
}
