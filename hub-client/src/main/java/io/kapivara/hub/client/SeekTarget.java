package io.kapivara.hub.client;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an operator's seek moves a checkpoint: the start, the head, an offset, or a time. The
 * owner then reads the events after the new checkpoint again (or skips up to it).
 */
public sealed interface SeekTarget {

    /** The checkpoint before the bucket's first event: everything is read again. */
    static SeekTarget earliest() {
        return new Earliest();
    }

    /** The checkpoint at the bucket's head: everything stored so far is skipped. */
    static SeekTarget latest() {
        return new Latest();
    }

    /**
     * The checkpoint at this offset: the next event read is the one at {@code offset + 1}.
     *
     * @throws IllegalArgumentException when {@code offset} is negative
     */
    static SeekTarget offset(long offset) {
        return new Offset(offset);
    }

    /** The checkpoint just before the first event recorded at or after {@code time}. */
    static SeekTarget time(Instant time) {
        return new Time(time);
    }

    /** The value of the seek's {@code to} member. */
    Object wire();

    /** Before the first event. */
    record Earliest() implements SeekTarget {

        @Override
        public Object wire() {
            return "earliest";
        }
    }

    /** At the head. */
    record Latest() implements SeekTarget {

        @Override
        public Object wire() {
            return "latest";
        }
    }

    /** At an offset, 0 or more. */
    record Offset(long offset) implements SeekTarget {

        public Offset {
            if (offset < 0) {
                throw new IllegalArgumentException("An offset is 0 or more: offset [%d]".formatted(offset));
            }
        }

        @Override
        public Object wire() {
            return offset;
        }
    }

    /** Just before the first event recorded at or after a time. */
    record Time(Instant time) implements SeekTarget {

        public Time {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public Object wire() {
            return time.toString();
        }
    }
}
