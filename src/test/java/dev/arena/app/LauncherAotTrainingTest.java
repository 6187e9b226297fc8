package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's AOT training run ({@code ./arena serve} on JDK 25 without a cache): it starts a throw-away server,
 * drives it with {@code arena bench room-broadcast}, stops it so that the cache is written, and only then starts the
 * real server with the cache. Run against a copy of the launcher beside a stub {@code java} that records its calls
 * (a real training run takes half a minute and a built jar), so it checks the order and the isolation, not timings.
 */
class LauncherAotTrainingTest {
    /** Prints a Java version, plays a server (prints its address, writes the cache on SIGTERM) or a bench. */
    private static final String STUB_JAVA = """
            #!/usr/bin/env bash
            case "$*" in *-XshowSettings*) echo '    java.specification.version = 99' >&2; exit 0;; esac
            echo "CALL $*" >> "$STUB_LOG"
            out=""
            for a in "$@"; do case "$a" in -XX:AOTCacheOutput=*) out="${a#*=}";; esac; done
            if [[ " $* " == *" serve "* && -n "$out" && " $* " != *" --port 8080 "* ]]; then
              env | grep '^ARENA_' | sed 's/^/ENV /' >> "$STUB_LOG"
              trap 'echo cache > "$out"; exit 0' TERM
              echo "  API        http://127.0.0.1:45678"
              while true; do sleep 0.05; done
            fi
            if [[ " $* " == *" bench "* && -n "$out" ]]; then echo bench-cache > "$out"; fi
            exit 0
            """;

    @TempDir Path dir;
    private Path launcher;
    private Path log;

    @BeforeEach
    void layOut() throws IOException {
        launcher = dir.resolve("arena");
        Files.copy(Path.of("arena"), launcher);
        launcher.toFile().setExecutable(true);
        Files.createDirectories(dir.resolve("target/lib"));
        Files.writeString(dir.resolve("target/arena.jar"), "stub");
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, STUB_JAVA);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        log = dir.resolve("calls.log");
    }

    @Test
    void withoutACacheATrainingRunDrivesAThrowAwayServerThenTheRealOneStartsWithTheCache() throws Exception {
        run(Map.of("ARENA_DATABASE_URL", "postgres://real-db/prod"));

        Path cache = onlyCache();
        assertThat(cache).hasContent("cache");
        List<String> calls = Files.readAllLines(log).stream().filter(l -> l.startsWith("CALL")).toList();
        assertThat(calls).hasSize(3);
        // the cache must be recorded with the flags it is used with (the JVM refuses it otherwise)
        assertThat(calls.get(0)).contains("-XX:AOTCacheOutput=" + cache, " serve ", "--host 127.0.0.1", "--port 0",
                "-XX:+UseCompactObjectHeaders", "-Xmx1g", "-XX:GCTimeRatio=4");
        assertThat(calls.get(1)).contains(" bench room-broadcast ", "--url http://127.0.0.1:45678",
                "-XX:AOTCacheOutput=" + dir.resolve("target/arena-bench.aot"));
        assertThat(calls.get(2)).contains("-XX:AOTCache=" + cache, " serve --port 8080", "-XX:+UseCompactObjectHeaders",
                "-Xmx1g", "-XX:GCTimeRatio=4").doesNotContain("AOTCacheOutput");
        // the training server never sees the caller's settings (here: a real database), and takes any guest
        List<String> env = Files.readAllLines(log).stream().filter(l -> l.startsWith("ENV")).toList();
        assertThat(env).contains("ENV ARENA_GUEST_LIMIT=0").noneMatch(l -> l.contains("DATABASE_URL"));
    }

    /**
     * The C heap is trimmed every 2 s only when the node may use a second core: pinned to one, each trim held the
     * allocator's locks beside the event loop (docs/BENCHMARKS.md, "the C heap trimmed"). Memory flags of the
     * operator's own ({@code ARENA_MEMORY_OPTS}) replace it too.
     */
    @Test
    void theCHeapIsTrimmedOnlyWhenTheNodeHasASecondCore() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two cores to tell the cases apart");
        run(Map.of());
        assertThat(lastServeCall()).contains("-XX:TrimNativeHeapInterval=2000", "-Xmx1g");

        Files.delete(log);
        runUnder(List.of("taskset", "-c", "0"), Map.of(), "serve", "--port", "8080");
        assertThat(lastServeCall()).contains("-Xmx1g").doesNotContain("TrimNativeHeapInterval");

        Files.delete(log);
        run(Map.of("ARENA_MEMORY_OPTS", "-Xmx2g"));
        assertThat(lastServeCall()).contains("-Xmx2g").doesNotContain("TrimNativeHeapInterval");
    }

    /** The launcher's last start of the real server (after any training run). */
    private String lastServeCall() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.startsWith("CALL") && l.contains(" serve --port 8080"))
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aFreshCacheIsUsedWithoutTrainingAndOtherFlagsRecordOneOfTheirOwn() throws Exception {
        run(Map.of());
        Path cache = onlyCache();
        assertThat(cache.toFile().setLastModified(System.currentTimeMillis() + 60_000)).isTrue();
        Files.delete(log);

        run(Map.of());
        assertThat(Files.readAllLines(log)).singleElement().asString()
                .contains("-XX:AOTCache=" + cache, " serve --port 8080");

        // a cache recorded with other heap-layout flags would be refused: other flags, another file, trained again
        Files.delete(log);
        run(Map.of("ARENA_MEMORY_OPTS", "-Xmx512m"));
        assertThat(Files.readAllLines(log).stream().filter(l -> l.startsWith("CALL")).toList()).hasSize(3)
                .first().asString().contains("-Xmx512m").doesNotContain("-XX:AOTCacheOutput=" + cache);
    }

    @Test
    void benchStartsFromTheCacheTheTrainingRunsBenchRecordedWhileItIsNewerThanTheJar() throws Exception {
        Path benchCache = dir.resolve("target/arena-bench.aot");
        run(Map.of(), "bench", "room-broadcast", "--url", "http://127.0.0.1:1");
        assertThat(Files.readAllLines(log)).singleElement().asString().doesNotContain("AOTCache");

        run(Map.of()); // a serve trains, and its bench records the bench's cache
        assertThat(benchCache).hasContent("bench-cache");
        assertThat(benchCache.toFile().setLastModified(System.currentTimeMillis() + 60_000)).isTrue();
        Files.delete(log);
        run(Map.of(), "bench", "room-broadcast", "--url", "http://127.0.0.1:1");
        assertThat(Files.readAllLines(log)).singleElement().asString()
                .contains("-XX:AOTCache=" + benchCache, " bench room-broadcast ").doesNotContain("AOTCacheOutput");

        Files.delete(log);
        run(Map.of("ARENA_AOT", "off"), "bench", "room-broadcast", "--url", "http://127.0.0.1:1");
        assertThat(Files.readAllLines(log)).singleElement().asString().doesNotContain("AOTCache");
    }

    @Test
    void idleTrainingRecordsFromTheFirstRealServe() throws Exception {
        run(Map.of("ARENA_AOT_TRAINING", "idle"));

        assertThat(Files.readAllLines(log)).singleElement().asString()
                .contains("-XX:AOTCacheOutput=" + dir.resolve("target"), ".aot", " serve --port 8080");
    }

    /** The one cache file the launcher wrote: {@code target/arena-<checksum of the JVM flags>.aot}. */
    private Path onlyCache() throws IOException {
        try (var files = Files.list(dir.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("arena-\\d+\\.aot")).reduce((a, b) -> {
                throw new AssertionError("two caches: " + a + ", " + b);
            }).orElseThrow(() -> new AssertionError("no cache in target/"));
        }
    }

    private void run(Map<String, String> env) throws Exception {
        run(env, "serve", "--port", "8080");
    }

    private void run(Map<String, String> env, String... args) throws Exception {
        runUnder(List.of(), env, args);
    }

    /** Runs the launcher under {@code prefix} (e.g. {@code taskset -c 0}). */
    private void runUnder(List<String> prefix, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(prefix);
        command.addAll(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("launcher.out").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ARENA_") || k.equals("JAVA_HOME"));
        pb.environment().put("ARENA_JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().put("STUB_LOG", log.toString());
        pb.environment().put("TMPDIR", dir.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        String out = Files.readString(dir.resolve("launcher.out"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        // the training run's scratch directory (data directory, logs) is gone
        try (var left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("arena-aot."));
        }
    }
}
