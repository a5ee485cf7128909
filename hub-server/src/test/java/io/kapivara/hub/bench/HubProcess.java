package io.kapivara.hub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * hub-server as a separate process, started with the JDK that runs the benchmark, listening on
 * 127.0.0.1 only, on a database of the benchmark's choosing. Its output goes to a log file.
 */
final class HubProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final int port;
    private final Path log;

    private HubProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar and returns once the server answers its readiness probe. */
    static HubProcess start(Path jar, String databaseUrl, Path workDirectory, boolean jfr)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No hub-server jar at " + jar.toAbsolutePath()
                    + ": build it first (./mvnw -pl hub-server -am package -DskipTests)");
        }
        Files.createDirectories(workDirectory);
        int port = freePort();
        Path log = workDirectory.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command(jar, workDirectory, port, jfr))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("HUB_DATABASE_URL", databaseUrl);
        HubProcess hub = new HubProcess(builder.start(), port, log);
        hub.awaitReady();
        return hub;
    }

    private static List<String> command(Path jar, Path workDirectory, int port, boolean jfr) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jfr) {
            // Deep enough for a whole request, filters and Tomcat included (the default is 64 frames).
            command.add("-XX:FlightRecorderOptions=stackdepth=512");
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + workDirectory.resolve("server.jfr").toAbsolutePath());
        }
        // JVM options to try on the server under test, such as another garbage collector.
        String options = System.getProperty("bench.serverJvmOptions", "");
        for (String option : options.strip().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + port);
        return command;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hub-server exited with " + process.exitValue() + " while starting; "
                        + "its log ends with:\n" + tail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("hub-server did not get ready within " + START_TIMEOUT.toSeconds()
                + " s; its log ends with:\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Stops the server gracefully (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
