package io.kapivara.hub.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import io.kapivara.hub.client.model.RecordedEvent;
import io.kapivara.hub.client.model.StreamPage;

class StreamPagerTest {

    private final List<@Nullable Long> asked = new ArrayList<>();

    /** A stream of versions 0 to 6 served forward in pages of 3, as the hub does. */
    private StreamPage page(@Nullable Long from) {
        asked.add(from);
        long start = from == null ? 0 : from;
        List<RecordedEvent> events = LongStream.range(start, Math.min(start + 3, 7)).mapToObj(StreamPagerTest::event)
                .toList();
        Long next = events.size() == 3 && start + 3 <= 6 ? start + 3 : null;
        return new StreamPage("s", 6, 0, "forward", next, events);
    }

    private static RecordedEvent event(long version) {
        return new RecordedEvent(UUID.randomUUID(), "s", "t", JsonNodeFactory.instance.nullNode(), null, version,
                version + 1, 0, version + 1, Instant.EPOCH);
    }

    @Test
    void walksEveryPageUntilNextIsNull() {
        var pager = new StreamPager(null, this::page);

        List<Long> versions = new ArrayList<>();
        pager.forEachRemaining(event -> versions.add(event.version()));

        assertThat(versions).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(asked).containsExactly(null, 3L, 6L);
    }

    @Test
    void readsNothingBeforeAskedAndOnePageAtATime() {
        var pager = new StreamPager(2L, this::page);
        assertThat(asked).isEmpty();

        pager.next();
        pager.next();
        pager.next();

        assertThat(asked).containsExactly(2L);
    }
}
