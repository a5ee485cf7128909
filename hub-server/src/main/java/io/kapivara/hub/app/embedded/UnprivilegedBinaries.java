package io.kapivara.hub.app.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;

/**
 * PostgreSQL binaries that also run when the hub runs as root.
 *
 * <p>PostgreSQL refuses to start as root. Containers and build machines often run everything as
 * root, so for them this resolver hands zonky a copy of its binary archive in which
 * {@code initdb} and {@code pg_ctl} are small shell scripts that hand the data directory to the
 * unprivileged user {@code nobody} and run the real program as that user (with {@code setpriv}).
 * The copy is made once per archive and kept in the temporary directory.
 */
final class UnprivilegedBinaries implements PgBinaryResolver {

    static final UnprivilegedBinaries INSTANCE = new UnprivilegedBinaries();

    private static final Logger log = LoggerFactory.getLogger(UnprivilegedBinaries.class);

    private static final Set<String> WRAPPED = Set.of("bin/initdb", "bin/pg_ctl");

    private UnprivilegedBinaries() {
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        byte[] original;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            original = in.readAllBytes();
        }
        Path copy = Path.of(System.getProperty("java.io.tmpdir"), "kapivara-hub",
                "postgres-" + digest(original) + "-unprivileged.txz");
        if (!Files.exists(copy)) {
            log.info("Embedded PostgreSQL binaries for root: writing [{}]", copy);
            write(original, copy);
        }
        return Files.newInputStream(copy);
    }

    private static void write(byte[] original, Path copy) throws IOException {
        Files.createDirectories(copy.getParent());
        Path partial = Files.createTempFile(copy.getParent(), "postgres-", ".partial");
        try (OutputStream file = Files.newOutputStream(partial);
             XZOutputStream xz = new XZOutputStream(file, new LZMA2Options(1));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(xz);
             TarArchiveInputStream in = new TarArchiveInputStream(
                     new XZInputStream(new ByteArrayInputStream(original)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                if (WRAPPED.contains(name) && entry.isFile()) {
                    copyEntry(tar, entry, in, name + ".real");
                    addWrapper(tar, name);
                } else {
                    copyEntry(tar, entry, in, entry.getName());
                }
            }
        }
        Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyEntry(TarArchiveOutputStream tar, TarArchiveEntry entry, InputStream in, String name)
            throws IOException {
        TarArchiveEntry copy = new TarArchiveEntry(name, entry.isSymbolicLink() ? TarArchiveEntry.LF_SYMLINK
                : entry.isLink() ? TarArchiveEntry.LF_LINK : entry.isDirectory() ? TarArchiveEntry.LF_DIR
                : TarArchiveEntry.LF_NORMAL);
        copy.setMode(entry.getMode());
        copy.setLinkName(entry.getLinkName());
        copy.setSize(entry.isFile() ? entry.getSize() : 0);
        tar.putArchiveEntry(copy);
        if (entry.isFile()) {
            in.transferTo(tar);
        }
        tar.closeArchiveEntry();
    }

    private static void addWrapper(TarArchiveOutputStream tar, String name) throws IOException {
        byte[] script = wrapperScript(name.substring("bin/".length())).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode(0755);
        entry.setSize(script.length);
        tar.putArchiveEntry(entry);
        tar.write(script);
        tar.closeArchiveEntry();
    }

    static String wrapperScript(String program) {
        return """
                #!/bin/sh
                # Written by Kapivara EventHub: PostgreSQL will not run as root, so when root starts
                # %1$s, give the data directory (-D) to the user nobody and run the real %1$s as nobody.
                set -e
                bin=$(cd "$(dirname "$0")" && pwd)
                if [ "$(id -u)" != 0 ]; then exec "$bin/%1$s.real" "$@"; fi
                chmod -R a+rX "$bin/.."
                data=""
                previous=""
                for argument in "$@"; do
                  if [ "$previous" = "-D" ]; then data="$argument"; fi
                  previous="$argument"
                done
                if [ -n "$data" ] && [ -d "$data" ]; then chown -R nobody "$data"; fi
                exec setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$bin/%1$s.real" "$@"
                """.formatted(program);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
