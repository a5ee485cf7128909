package io.kapivara.hub.client;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.StreamPage;

/**
 * Walks a stream page by page, asking for the next page only when the events of the one before
 * are used up, and stopping at the page whose {@code next} is null.
 */
final class StreamPager implements Iterator<RecordedEvent> {

    private final Function<@Nullable Long, StreamPage> pages;
    private Iterator<RecordedEvent> current = Collections.emptyIterator();
    private @Nullable Long from;
    private boolean last;

    /**
     * @param first the {@code from} of the first page; null for the natural start of the direction
     * @param pages reads the page starting at the given {@code from}
     */
    StreamPager(@Nullable Long first, Function<@Nullable Long, StreamPage> pages) {
        this.from = first;
        this.pages = pages;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && !last) {
            StreamPage page = pages.apply(from);
            current = page.events().iterator();
            from = page.next();
            // An empty page ends the walk even if it named a next page, so a walk always ends.
            last = from == null || page.events().isEmpty();
        }
        return current.hasNext();
    }

    @Override
    public RecordedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The stream has no more events");
        }
        return current.next();
    }
}
