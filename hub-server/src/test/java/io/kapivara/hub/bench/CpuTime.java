package io.kapivara.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * CPU time a process has used (user and system), from /proc/[pid]/stat. Unlike throughput, it
 * hardly depends on what else runs on the machine, so CPU per event compares the hub and plain
 * JDBC even on a busy machine. Zero where /proc is not there.
 */
final class CpuTime {

    /** Linux reports these times in clock ticks of 1/100 s on every common platform. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {
    }

    static long nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; the fields after it start past its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long nanos(Collection<Long> pids) {
        return pids.stream().mapToLong(CpuTime::nanos).sum();
    }

    /** CPU used by one side of a comparison, split by process, and the events it carried. */
    record Split(long loadGenerator, long server, long database, long events) {

        static final Split NONE = new Split(0, 0, 0, 0);

        Split plus(Split other) {
            return new Split(loadGenerator + other.loadGenerator, server + other.server, database + other.database,
                    events + other.events);
        }

        double microsPerEvent(long nanos) {
            return events == 0 ? Double.NaN : nanos / 1_000.0 / events;
        }
    }
}
