package io.kapivara.hub.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kapivara.hub.client.BucketFunction;
import io.kapivara.hub.shared.HubException;

/**
 * Decides, inside one transaction, where each append of a group goes, and writes them all at once.
 *
 * <p>Each append is judged alone: one that breaks its expected version or replays ids wrongly is
 * refused without touching the others. Appends of one group that name the same stream see each
 * other in order, as if they had run one after the other. Callers must not put two appends that
 * share an event id in one group.
 */
final class AppendPlanner {

    private final int bucketCount;

    AppendPlanner(int bucketCount) {
        this.bucketCount = bucketCount;
    }

    List<AppendOutcome> append(EventLog.Transaction tx, List<AppendCommand> commands) {
        EventLog.GroupState state = tx.lockAndRead(streamNames(commands), allEvents(commands), newBuckets(commands));

        Plan plan = new Plan(state.head(), new HashMap<>(state.streams()), new HashMap<>(state.bucketHeads()));
        List<AppendOutcome> outcomes = new ArrayList<>(commands.size());
        for (AppendCommand command : commands) {
            outcomes.add(plan.decide(command, state.stored()));
        }

        if (!plan.events.isEmpty()) {
            tx.write(plan.events, List.copyOf(plan.changedStreams.values()), plan.changedBuckets, plan.globalHead);
        }
        return outcomes;
    }

    private Set<String> streamNames(List<AppendCommand> commands) {
        Set<String> names = new HashSet<>();
        commands.forEach(command -> names.add(command.stream()));
        return names;
    }

    private List<NewEvent> allEvents(List<AppendCommand> commands) {
        return commands.stream().flatMap(command -> command.events().stream()).toList();
    }

    /**
     * The bucket each command's stream would go to if it were new. Together with the buckets of
     * the streams that exist, they are every bucket the group can append to, whatever order the
     * group's own appends create streams in.
     */
    private Set<Integer> newBuckets(List<AppendCommand> commands) {
        Set<Integer> buckets = new HashSet<>();
        commands.forEach(command -> buckets.add(bucketOfNew(command)));
        return buckets;
    }

    private int bucketOfNew(AppendCommand command) {
        String key = command.partitionKey() != null ? command.partitionKey() : command.stream();
        return BucketFunction.bucketOf(key, bucketCount);
    }

    /** The key that chose the stream's bucket: its partition key, or its name when it had none. */
    private static String effectiveKey(EventLog.StreamState state) {
        return state.partitionKey() != null ? state.partitionKey() : state.stream();
    }

    /** The running state of one group: what is decided so far. */
    private final class Plan {

        private final Map<String, EventLog.StreamState> streams;
        private final Map<Integer, Long> bucketHeads;
        private final Map<String, EventLog.StreamState> changedStreams = new LinkedHashMap<>();
        private final Map<Integer, Long> changedBuckets = new HashMap<>();
        private final List<RecordedEvent> events = new ArrayList<>();
        private final EventLog.Head head;
        private long globalHead;

        Plan(EventLog.Head head, Map<String, EventLog.StreamState> streams, Map<Integer, Long> bucketHeads) {
            this.head = head;
            this.streams = streams;
            this.bucketHeads = bucketHeads;
            this.globalHead = head.globalPosition();
        }

        AppendOutcome decide(AppendCommand command, Map<UUID, EventLog.StoredEvent> stored) {
            try {
                List<EventLog.StoredEvent> known = command.events().stream()
                        .map(event -> stored.get(event.id()))
                        .filter(Objects::nonNull)
                        .toList();
                AppendResult result = known.isEmpty() ? place(command) : replay(command, known);
                return new AppendOutcome.Stored(result);
            } catch (HubException refused) {
                return new AppendOutcome.Refused(refused);
            }
        }

        private AppendResult replay(AppendCommand command, List<EventLog.StoredEvent> known) {
            List<UUID> ids = known.stream().map(EventLog.StoredEvent::id).toList();
            if (known.stream().anyMatch(event -> !event.stream().equals(command.stream()))) {
                throw new DuplicateEventIdException(command.stream(), ids, "stored in another stream");
            }
            if (known.stream().anyMatch(event -> !event.sameContent())) {
                throw new DuplicateEventIdException(command.stream(), ids, "stored with other content");
            }
            if (known.size() != command.events().size()) {
                throw new DuplicateEventIdException(command.stream(), ids, "only part of the batch is stored");
            }
            for (int i = 1; i < known.size(); i++) {
                if (known.get(i).version() != known.get(i - 1).version() + 1) {
                    throw new DuplicateEventIdException(command.stream(), ids,
                            "the events are stored, but not as one append in this order");
                }
            }
            EventLog.StreamState state = streams.get(command.stream());
            List<AppendResult.Position> positions = known.stream()
                    .map(event -> new AppendResult.Position(
                            event.id(), event.version(), event.globalPosition(), event.offset()))
                    .toList();
            long version = known.getLast().version();
            int bucket = state != null ? state.bucket() : known.getFirst().bucket();
            return new AppendResult(command.stream(), bucket, version, positions, true);
        }

        private AppendResult place(AppendCommand command) {
            EventLog.StreamState state = streams.get(command.stream());
            long current = state != null ? state.version() : -1;
            if (!command.expectedVersion().isMetBy(current)) {
                throw new WrongExpectedVersionException(command.stream(), command.expectedVersion(), current);
            }
            if (state != null && command.partitionKey() != null
                    && !command.partitionKey().equals(effectiveKey(state))) {
                throw new PartitionKeyMismatchException(command.stream(), effectiveKey(state), command.partitionKey());
            }
            int bucket = state != null ? state.bucket() : bucketOfNew(command);
            String partitionKey = state != null ? state.partitionKey() : command.partitionKey();
            return record(command, current, bucket, partitionKey);
        }

        private AppendResult record(AppendCommand command, long current, int bucket, @Nullable String partitionKey) {
            long version = current;
            long offset = bucketHeads.getOrDefault(bucket, 0L);
            List<AppendResult.Position> positions = new ArrayList<>(command.events().size());
            for (NewEvent event : command.events()) {
                version++;
                offset++;
                globalHead++;
                events.add(new RecordedEvent(event.id(), command.stream(), event.type(), event.data(),
                        event.metadata(), version, globalHead, bucket, offset, head.now()));
                positions.add(new AppendResult.Position(event.id(), version, globalHead, offset));
            }
            EventLog.StreamState moved = new EventLog.StreamState(command.stream(), version, bucket, partitionKey);
            streams.put(command.stream(), moved);
            changedStreams.put(command.stream(), moved);
            bucketHeads.put(bucket, offset);
            changedBuckets.put(bucket, offset);
            return new AppendResult(command.stream(), bucket, version, positions, false);
        }
    }
}
