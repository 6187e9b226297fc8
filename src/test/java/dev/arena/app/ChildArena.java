package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM running {@link Main} {@code serve} (loopback, a free port), for tests that kill a server the way the
 * OOM killer would. Its output is collected, and drained so that it never blocks on a full pipe.
 */
final class ChildArena {
    private static final Pattern API = Pattern.compile("API\\s+(http://\\S+)");

    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> drained;

    private ChildArena(Process process) {
        this.process = process;
        // a thread of its own: an embedded postmaster inherits the pipe, so a reader may wait as long as it runs
        drained = CompletableFuture.runAsync(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException ignored) {
                // the process was killed
            }
        }, r -> Thread.ofPlatform().daemon().start(r));
    }

    /**
     * Starts {@code arena serve} on {@code dataDir} with no ARENA_ variable of this JVM but {@code env}, and the guest
     * limit off (clients all sign up from 127.0.0.1, as with arena bench).
     */
    static ChildArena serve(Path dataDir, Map<String, String> env) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0",
                "--host", "127.0.0.1", "--data-dir", dataDir.toString(), "--log-level", "info")
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ARENA_"));
        pb.environment().put("ARENA_GUEST_LIMIT", "0");
        pb.environment().put("ARENA_WARMUP", "0"); // seconds per start; StartWarmupIntegrationTest covers it
        pb.environment().putAll(env);
        return new ChildArena(pb.start());
    }

    /** Waits for the address the server prints once it is ready; fails at once if it exits. */
    URI awaitReady(Duration timeout) {
        try {
            String url = Eventually.until(() -> {
                assertThat(process.isAlive()).as("the server exited:%n%s", output()).isTrue();
                return lines.stream().map(API::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
            }, Optional::isPresent, timeout, "the server to print its address").orElseThrow();
            return URI.create(url + "/");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its output:\n" + output(), e);
        }
    }

    /** Kills the JVM and everything it started, at once. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    String output() {
        return String.join("\n", lines);
    }
}
