package io.kapivara.hub.bus.web;

import java.util.List;
import java.util.stream.IntStream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kapivara.hub.bus.BusQueries;
import io.kapivara.hub.client.model.BucketEvents;
import io.kapivara.hub.client.model.BucketList;
import io.kapivara.hub.shared.web.WireEvents;
import io.kapivara.hub.store.RecordedEvent;

/** Buckets as they are, without any owner: for inspection and replay. */
@RestController
@RequestMapping(path = "/api/buckets", produces = MediaType.APPLICATION_JSON_VALUE)
class BucketController {

    private final BusQueries queries;

    BucketController(BusQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    BucketList buckets() {
        List<Long> heads = queries.heads();
        return new BucketList(heads.size(), IntStream.range(0, heads.size())
                .mapToObj(bucket -> new BucketList.Bucket(bucket, heads.get(bucket))).toList());
    }

    @GetMapping("/{bucket}/events")
    BucketEvents events(@PathVariable int bucket, @RequestParam(defaultValue = "1") long from,
            @RequestParam(defaultValue = "100") int limit) {
        List<RecordedEvent> events = queries.bucketEvents(bucket, from, limit);
        long head = queries.heads().get(bucket);
        long next = events.isEmpty() ? from : events.getLast().offset() + 1;
        return new BucketEvents(bucket, head, WireEvents.toWire(events), next);
    }
}
