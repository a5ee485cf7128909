package io.kapivara.hub.bus;

import java.util.List;

import io.kapivara.hub.store.StreamName;

/**
 * Which events an owner wants. An empty list lets everything through on that criterion; an event
 * passes when it passes both.
 */
public record EventFilter(List<String> types, List<String> categories) {

    public static final EventFilter ALL = new EventFilter(List.of(), List.of());

    /**
     * Most types, and most categories, one filter lists: a fetch tests each event it reads against
     * them, and every view of the owner carries them.
     */
    public static final int MAX_ENTRIES = 100;

    public EventFilter {
        types = List.copyOf(types);
        categories = List.copyOf(categories);
    }

    public boolean matches(String type, String stream) {
        return (types.isEmpty() || types.contains(type))
                && (categories.isEmpty() || categories.contains(StreamName.categoryOf(stream)));
    }

    public boolean isEmpty() {
        return types.isEmpty() && categories.isEmpty();
    }
}
