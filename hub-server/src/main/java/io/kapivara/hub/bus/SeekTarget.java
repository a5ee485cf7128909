package io.kapivara.hub.bus;

import java.time.Instant;

import io.kapivara.hub.shared.InvalidRequestException;

/** Where an operator moves a checkpoint. */
public sealed interface SeekTarget {

    /** Offset 0: every stored event is read again. */
    record Earliest() implements SeekTarget {
    }

    /** The bucket's head: everything stored is skipped. */
    record Latest() implements SeekTarget {
    }

    /** An exact offset, 0 to the head. */
    record Offset(long offset) implements SeekTarget {
    }

    /** Just before the first event recorded at or after {@code time}, which is in years 1 to 9999 (UTC). */
    record Time(Instant time) implements SeekTarget {

        /** The earliest time a seek may name. */
        public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

        /** The first time after those a seek may name. */
        public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");

        public Time {
            if (time.isBefore(EARLIEST) || !time.isBefore(END)) {
                throw new InvalidRequestException("to", time, "A seek time is in years 1 to 9999 (UTC)");
            }
        }
    }
}
