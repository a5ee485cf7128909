package io.kapivara.hub.bus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Spreads an owner's buckets over its live subscriptions: balanced (counts differ by at most one,
 * unless operators pinned more) and sticky (a subscription keeps what it validly holds up to its
 * share, so a change moves as few buckets as possible).
 */
final class Rebalancer {

    private Rebalancer() {
    }

    /**
     * The buckets whose lease must be granted anew, each to its new holder (null: to nobody).
     * Buckets absent from the result keep their holder and epoch.
     *
     * @param buckets every bucket of the owner, as it stands
     * @param live    the keys of the live subscriptions
     */
    static Map<Integer, @Nullable String> grants(List<BucketState> buckets, Collection<String> live) {
        Map<Integer, @Nullable String> grants = new TreeMap<>();
        if (live.isEmpty()) {
            buckets.stream().filter(bucket -> bucket.holder() != null)
                    .forEach(bucket -> grants.put(bucket.bucket(), null));
            return grants;
        }
        Map<String, TreeSet<Integer>> held = new HashMap<>();
        live.forEach(key -> held.put(key, new TreeSet<>()));
        TreeSet<Integer> free = new TreeSet<>();
        for (BucketState bucket : buckets) {
            String holder = bucket.validHolder();
            if (holder != null && held.containsKey(holder)) {
                held.get(holder).add(bucket.bucket());
            } else {
                free.add(bucket.bucket());
            }
        }
        Map<String, Integer> quotas = quotas(buckets.size(), held);
        shed(buckets, held, quotas, free);
        fill(held, quotas, free, grants);
        return grants;
    }

    /** Those holding more now get the larger shares first, so fewer buckets move. */
    private static Map<String, Integer> quotas(int count, Map<String, TreeSet<Integer>> held) {
        List<String> keys = new ArrayList<>(held.keySet());
        keys.sort(Comparator.comparingInt((String key) -> held.get(key).size()).reversed()
                .thenComparing(Comparator.naturalOrder()));
        int base = count / keys.size();
        int extra = count % keys.size();
        Map<String, Integer> quotas = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            quotas.put(keys.get(i), base + (i < extra ? 1 : 0));
        }
        return quotas;
    }

    private static void shed(List<BucketState> buckets, Map<String, TreeSet<Integer>> held,
            Map<String, Integer> quotas, TreeSet<Integer> free) {
        Map<Integer, Boolean> pinned = new HashMap<>();
        buckets.forEach(bucket -> pinned.put(bucket.bucket(), bucket.pinned()));
        held.forEach((key, owned) -> {
            for (Integer bucket : owned.descendingSet().stream().toList()) {
                if (owned.size() <= quotas.get(key)) {
                    break;
                }
                if (!pinned.get(bucket)) {
                    owned.remove(bucket);
                    free.add(bucket);
                }
            }
        });
    }

    private static void fill(Map<String, TreeSet<Integer>> held, Map<String, Integer> quotas, TreeSet<Integer> free,
            Map<Integer, @Nullable String> grants) {
        for (String key : new TreeSet<>(held.keySet())) {
            while (held.get(key).size() < quotas.get(key) && !free.isEmpty()) {
                give(free.pollFirst(), key, held, grants);
            }
        }
        // Only when pinned buckets pushed someone past its share can buckets remain.
        while (!free.isEmpty()) {
            String smallest = held.keySet().stream()
                    .min(Comparator.comparingInt((String key) -> held.get(key).size())
                            .thenComparing(Comparator.naturalOrder()))
                    .orElseThrow();
            give(free.pollFirst(), smallest, held, grants);
        }
    }

    private static void give(Integer bucket, String key, Map<String, TreeSet<Integer>> held,
            Map<Integer, @Nullable String> grants) {
        held.get(key).add(Objects.requireNonNull(bucket));
        grants.put(bucket, key);
    }
}
