package io.kapivara.hub.bus;

import java.time.Instant;

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

    /** Just before the first event recorded at or after {@code time}. */
    record Time(Instant time) implements SeekTarget {
    }
}
