package io.kapivara.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the figures came from: the machine, the JDK of both JVMs, and the PostgreSQL server. */
record Machine(int processors, String memory, String cpu, String os, String jdk, String postgres) {

    static Machine describe(String postgres) {
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemory(), cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"),
                postgres);
    }

    /** The 1, 5 and 15 minute load averages now, as /proc/loadavg gives them. */
    static String loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        if (lines.isEmpty()) {
            return "unknown";
        }
        String[] parts = lines.getFirst().split("\\s+");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static String totalMemory() {
        return lines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024 + " GiB")
                .findFirst().orElse(Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB (JVM max heap)");
    }

    private static String cpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst().orElse(System.getProperty("os.arch"));
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            return List.of();
        }
    }
}
