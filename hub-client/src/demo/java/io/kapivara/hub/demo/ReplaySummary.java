package io.kapivara.hub.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.kapivara.hub.client.model.AppendResponse;

/** What the hub answered to the deliveries: counts by outcome and status, and where events went. */
final class ReplaySummary {

    private int created;
    private int replayed;
    private final Map<String, List<String>> refused = new TreeMap<>();
    private final Set<String> streams = new HashSet<>();
    private final Map<Integer, Integer> deliveriesPerBucket = new TreeMap<>();

    /** The hub stored the delivery (201) or found it already stored (200). */
    void stored(AppendResponse response) {
        if (response.replay()) {
            replayed++;
        } else {
            created++;
        }
        streams.add(response.stream());
        deliveriesPerBucket.merge(response.bucket(), 1, Integer::sum);
    }

    /**
     * The hub refused the delivery.
     *
     * @param reason the status and the problem type, such as {@code 409 duplicate-event-id}
     * @param detail the problem's detail, to show for the first delivery of each reason
     */
    void refused(Delivery delivery, String reason, String detail) {
        refused.computeIfAbsent(reason, key -> new ArrayList<>())
                .add(delivery.event() + "#" + delivery.index() + (detail.isEmpty() ? "" : ": " + detail));
    }

    int refusedCount() {
        return refused.values().stream().mapToInt(List::size).sum();
    }

    void print(PrintStream out, int sent, Duration took) {
        out.printf("Sent %d deliveries in %.1f s%n", sent, took.toMillis() / 1000.0);
        out.printf("  created  %4d  (201: stored as new events)%n", created);
        out.printf("  replayed %4d  (200: already stored, nothing new)%n", replayed);
        out.printf("  refused  %4d%n", refusedCount());
        refused.forEach((reason, deliveries) -> out.printf("    %4d  %s, first %s%n", deliveries.size(), reason,
                deliveries.getFirst()));
        if (!deliveriesPerBucket.isEmpty()) {
            out.printf("Streams: %d, in %d buckets (bucket: deliveries) %s%n", streams.size(),
                    deliveriesPerBucket.size(), bucketList());
        }
    }

    private String bucketList() {
        return deliveriesPerBucket.entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
