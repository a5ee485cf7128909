package io.kapivara.hub.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The npm package {@code @octokit/webhooks-examples} 7.6.1 (MIT license): payloads GitHub really
 * sent, collected by the Octokit project. Fetched once with {@code npm pack} into a cache folder,
 * and checked against the integrity the npm registry publishes for that version.
 */
final class NpmPackage {

    static final String SPEC = "@octokit/webhooks-examples@7.6.1";

    /** The file {@code npm pack} writes for {@link #SPEC}. */
    static final String TARBALL = "octokit-webhooks-examples-7.6.1.tgz";

    /** The registry's {@code dist.integrity} of {@link #SPEC}: SHA-512 of the tarball, in base 64. */
    static final String INTEGRITY =
            "sha512-De6U3XB6O3DtCa7bKgCMzTHdeopqqZ6SNivMYJnK65ierKL1AnNIA0tkRYCRS7lwGT792d+Ps1WbfHlso6MynQ==";

    private static final long NPM_TIMEOUT_MINUTES = 5;

    private NpmPackage() {
    }

    /** The package tarball in the cache folder, fetched first when it is not there yet. */
    static Path tarball(Path cache) {
        Path tarball = cache.resolve(TARBALL);
        if (Files.isRegularFile(tarball) && INTEGRITY.equals(integrityOf(tarball))) {
            return tarball;
        }
        fetch(cache);
        String integrity = integrityOf(tarball);
        if (!INTEGRITY.equals(integrity)) {
            throw new ReplayException("The fetched %s has integrity [%s], expected [%s]; delete %s and retry"
                    .formatted(TARBALL, integrity, INTEGRITY, tarball));
        }
        return tarball;
    }

    private static void fetch(Path cache) {
        System.out.printf("Fetching %s with npm into %s%n", SPEC, cache);
        try {
            Files.createDirectories(cache);
            Process npm = new ProcessBuilder(List.of(npmCommand(), "pack", SPEC, "--pack-destination",
                    cache.toString(), "--silent"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!npm.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new ReplayException("npm pack took more than " + NPM_TIMEOUT_MINUTES + " minutes; stopped it");
            }
            if (npm.exitValue() != 0) {
                throw new ReplayException("npm pack " + SPEC + " failed with exit code " + npm.exitValue()
                        + "; or pass the examples with --examples PATH");
            }
        } catch (IOException e) {
            throw new ReplayException("Cannot run npm (" + e.getMessage() + "): install Node.js, or download "
                    + SPEC + " yourself and pass it with --examples PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayException("Interrupted while npm fetched " + SPEC, e);
        }
    }

    private static String npmCommand() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "npm.cmd" : "npm";
    }

    private static String integrityOf(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReplayException("npm pack left no " + file.getFileName() + " in " + file.getParent());
        }
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha512())) {
            in.transferTo(OutputStream.nullOutputStream());
            return "sha512-" + Base64.getEncoder().encodeToString(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new ReplayException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-512", e);
        }
    }
}
