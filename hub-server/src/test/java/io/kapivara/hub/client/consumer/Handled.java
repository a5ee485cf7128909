package io.kapivara.hub.client.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.kapivara.hub.client.model.FetchedEvent;

/** What the handlers of the runtime's tests were handed, in the order each was handed it. */
final class Handled {

    /** One handling: which runtime handled which event, under which lease. */
    record Handling(String runtime, FetchedEvent event) {
    }

    private final Queue<Handling> all = new ConcurrentLinkedQueue<>();

    /** A handler that records here, as the named runtime. */
    EventHandler handler(String runtime) {
        return event -> all.add(new Handling(runtime, event));
    }

    List<Handling> all() {
        return List.copyOf(all);
    }

    int size() {
        return all.size();
    }

    /** Per stream, the versions handed, in the order they were handed. */
    Map<String, List<Long>> versionsByStream() {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        for (Handling handling : all) {
            versions.computeIfAbsent(handling.event().stream(), stream -> new ArrayList<>())
                    .add(handling.event().version());
        }
        return versions;
    }
}
