package io.kapivara.hub.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the command line asks for.
 *
 * @param hub      where the hub listens
 * @param examples a file or folder holding the examples; null to fetch the npm package
 * @param cache    where the fetched npm package is kept
 * @param secret   the webhook secret to sign deliveries with; null to send them unsigned
 * @param help     only print the usage
 */
record ReplayOptions(URI hub, @Nullable Path examples, Path cache, @Nullable String secret, boolean help) {

    static final String USAGE = """
            Replays the real GitHub webhook deliveries of the npm package %s
            into a running hub, through POST /api/ingest/github.

            Options:
              --hub URL         the hub (default: http://localhost:8080)
              --examples PATH   read the examples from PATH instead of fetching the npm package:
                                its file api.github.com/index.json, its tarball (.tgz), or a folder
                                with the package unpacked in it
              --cache DIR       where the fetched package is kept
                                (default: $XDG_CACHE_HOME/kapivara-hub, else ~/.cache/kapivara-hub)
              --secret SECRET   sign every delivery with X-Hub-Signature-256
                                (default: the environment variable HUB_INGEST_GITHUB_SECRET, when set)
              --help            print this and stop

            Every example is sent with a fixed X-GitHub-Delivery (a name-based UUID of its event name
            and index), so running the replay again stores nothing new: the hub answers each one
            as a replay.
            """.formatted(NpmPackage.SPEC);

    /** Reads the arguments; the environment gives the defaults of the cache and the secret. */
    static ReplayOptions parse(String[] args, Map<String, String> env) {
        URI hub = URI.create("http://localhost:8080");
        Path examples = null;
        Path cache = defaultCache(env);
        String secret = env.get("HUB_INGEST_GITHUB_SECRET");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                return new ReplayOptions(hub, examples, cache, secret, true);
            }
            switch (name) {
                case "--hub" -> hub = hubUri(valueOf(args, ++i, name));
                case "--examples" -> examples = Path.of(valueOf(args, ++i, name));
                case "--cache" -> cache = Path.of(valueOf(args, ++i, name));
                case "--secret" -> secret = valueOf(args, ++i, name);
                default -> throw new IllegalArgumentException("Unknown option [" + name + "]");
            }
        }
        return new ReplayOptions(hub, examples, cache, secret == null || secret.isBlank() ? null : secret, false);
    }

    private static String valueOf(String[] args, int index, String name) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException("Option " + name + " needs a value");
        }
        return args[index];
    }

    private static URI hubUri(String value) {
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("--hub must be an http or https URL: [" + value + "]");
        }
        return uri;
    }

    private static Path defaultCache(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("kapivara-hub");
    }
}
