package io.kapivara.hub.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RebalancerTest {

    private static final int BUCKETS = 16;

    /** Applies grants to a state, as the store would: a new holder means a new epoch. */
    private static List<BucketState> apply(List<BucketState> state, Map<Integer, @Nullable String> grants) {
        List<BucketState> next = new ArrayList<>();
        for (BucketState bucket : state) {
            if (grants.containsKey(bucket.bucket())) {
                String holder = grants.get(bucket.bucket());
                next.add(new BucketState(bucket.bucket(), 0, 0, holder, bucket.epoch() + 1, Instant.MAX,
                        holder != null, false, null));
            } else {
                next.add(bucket);
            }
        }
        return next;
    }

    private static List<BucketState> empty() {
        return IntStream.range(0, BUCKETS)
                .mapToObj(b -> new BucketState(b, 0, 0, null, 0, null, false, false, null)).toList();
    }

    private static Map<String, Integer> counts(List<BucketState> state) {
        Map<String, Integer> counts = new HashMap<>();
        state.forEach(b -> counts.merge(String.valueOf(b.validHolder()), 1, Integer::sum));
        return counts;
    }

    private static List<BucketState> balance(List<BucketState> state, List<String> live) {
        return apply(state, Rebalancer.grants(state, live));
    }

    @Test
    void givesEveryBucketToTheOnlySubscription() {
        List<BucketState> state = balance(empty(), List.of("a"));

        assertThat(counts(state)).containsExactly(Map.entry("a", 16));
    }

    @Test
    void balancesOneToSixteenSubscriptionsWithinOneBucket() {
        for (int n = 1; n <= BUCKETS; n++) {
            List<String> live = IntStream.range(0, n).mapToObj(i -> "node-" + i).toList();

            Map<String, Integer> counts = counts(balance(empty(), live));

            assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(live);
            int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertThat(max - min).as("spread with %d subscriptions", n).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void movesOnlyWhatBalanceNeedsWhenASubscriptionJoins() {
        List<BucketState> two = balance(empty(), List.of("a", "b"));

        Map<Integer, @Nullable String> grants = Rebalancer.grants(two, List.of("a", "b", "c"));

        assertThat(grants).hasSize(5);
        assertThat(grants.values()).containsOnly("c");
        assertThat(counts(apply(two, grants)).values()).containsExactlyInAnyOrder(6, 5, 5);
    }

    @Test
    void handsALeavingSubscriptionsBucketsToTheOthersOnly() {
        List<BucketState> three = balance(empty(), List.of("a", "b", "c"));
        List<Integer> ofC = three.stream().filter(b -> "c".equals(b.holder())).map(BucketState::bucket).toList();

        Map<Integer, @Nullable String> grants = Rebalancer.grants(three, List.of("a", "b"));

        assertThat(grants.keySet()).containsExactlyInAnyOrderElementsOf(ofC);
        assertThat(counts(apply(three, grants)).values()).containsExactlyInAnyOrder(8, 8);
    }

    @Test
    void regrantsBucketsWhoseLeaseLapsedEvenToTheSameHolder() {
        List<BucketState> lapsed = empty().stream()
                .map(b -> new BucketState(b.bucket(), 0, 0, "a", 4, Instant.EPOCH, false, false, null)).toList();

        Map<Integer, @Nullable String> grants = Rebalancer.grants(lapsed, List.of("a"));

        assertThat(grants).hasSize(16);
        assertThat(grants.values()).containsOnly("a");
    }

    @Test
    void releasesEverythingWhenNoSubscriptionIsLive() {
        List<BucketState> held = balance(empty(), List.of("a"));

        Map<Integer, @Nullable String> grants = Rebalancer.grants(held, List.of());

        assertThat(grants).hasSize(16);
        assertThat(grants.values()).containsOnlyNulls();
    }

    @Test
    void leavesPinnedBucketsWithTheirHolder() {
        List<BucketState> pinned = new ArrayList<>(empty());
        for (int b = 0; b < 10; b++) {
            pinned.set(b, new BucketState(b, 0, 0, "a", 1, Instant.MAX, true, true, null));
        }

        List<BucketState> balanced = balance(pinned, List.of("a", "b"));

        assertThat(balanced.subList(0, 10)).allMatch(b -> "a".equals(b.holder()));
        assertThat(counts(balanced)).containsEntry("a", 10).containsEntry("b", 6);
    }

    @Test
    void changesNothingWhenAlreadyBalanced() {
        List<BucketState> balanced = balance(empty(), List.of("a", "b", "c"));

        assertThat(Rebalancer.grants(balanced, List.of("c", "b", "a"))).isEmpty();
    }
}
