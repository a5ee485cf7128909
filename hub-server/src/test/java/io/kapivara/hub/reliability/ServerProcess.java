package io.kapivara.hub.reliability;

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

/**
 * A hub-server in a process of its own, started from the packaged jar, so that a test can kill it
 * the hard way (SIGKILL) and start it again.
 */
final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "hub-server.jar");

    private final String databaseUrl;
    private final int port;
    private final Path log;
    private final List<String> extra;
    private Process process;

    ServerProcess(String databaseUrl, int port, String... extraArguments) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("The packaged server is missing: " + JAR.toAbsolutePath());
        }
        this.databaseUrl = databaseUrl;
        this.port = port;
        this.log = Files.createTempFile("hub-server-", ".log");
        this.extra = List.of(extraArguments);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the server and waits until it answers, at most a minute. */
    void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                JAR.toString(), "--server.port=" + port, "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.hikari.maximum-pool-size=6"));
        command.addAll(extra);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady();
    }

    /** SIGKILL: no shutdown hook, no graceful drain. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hub-server exited while starting; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri().resolve("/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("hub-server did not answer within 90 s; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
