package dev.arena.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.app.ArenaNode;
import dev.arena.config.ArenaConfig;
import dev.arena.config.ConfigLoader;
import dev.arena.results.ResultStep;
import dev.arena.results.ResultStore;
import java.util.function.UnaryOperator;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real {@link ArenaNode} on 127.0.0.1 and a free port, configured through {@link ConfigLoader} exactly as
 * from the environment, with a {@link MutableClock} and an HTTP client pointed at it. Start one per test class.
 */
public final class TestNode implements AutoCloseable {
    /** A fixed secret, long enough for ARENA_TOKEN_SECRET's 32-character minimum. */
    public static final String TOKEN_SECRET = "arena-test-token-secret-0123456789abcdef";

    private final ArenaNode node;
    private final MutableClock clock;
    private final Http http;
    private final Path ownedDataDir;

    private TestNode(ArenaNode node, MutableClock clock, Path ownedDataDir) {
        this.node = node;
        this.clock = clock;
        this.ownedDataDir = ownedDataDir;
        this.http = new Http(URI.create("http://127.0.0.1:" + node.port() + "/"));
    }

    /** A node on a fresh database of the shared test PostgreSQL. */
    public static TestNode start(Class<?> owner) {
        return start(owner, Map.of());
    }

    /** A node on a fresh database of the shared test PostgreSQL, with some ARENA_* keys overridden. */
    public static TestNode start(Class<?> owner, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("ARENA_DATABASE_URL", TestDatabases.asUrl(TestDatabases.fresh(owner)));
        env.put("ARENA_TOKEN_SECRET", TOKEN_SECRET);
        env.putAll(overrides);
        return start(env, new MutableClock());
    }

    /**
     * A node configured by {@code env} on top of: host 127.0.0.1, port 0, and a temporary ARENA_DATA_DIR
     * (deleted on close) unless {@code env} names one. Without ARENA_DATABASE_URL it runs the embedded default.
     */
    public static TestNode start(Map<String, String> env, MutableClock clock) {
        return start(env, clock, UnaryOperator.identity());
    }

    /** As {@link #start(Map, MutableClock)}, with every result step wrapped (to inject failures or hangs). */
    public static TestNode start(Map<String, String> env, MutableClock clock, UnaryOperator<ResultStep> steps) {
        return start(env, clock, steps, UnaryOperator.identity());
    }

    /** As above, with the store the node records finished matches to wrapped (to make results unstorable). */
    public static TestNode start(Map<String, String> env, MutableClock clock, UnaryOperator<ResultStep> steps,
                                 UnaryOperator<ResultStore> recorderStore) {
        Map<String, String> all = new HashMap<>();
        all.put("ARENA_HOST", "127.0.0.1");
        all.put("ARENA_PORT", "0");
        // tests sign many guests up from 127.0.0.1, as arena bench does; GuestLimitIntegrationTest sets a limit
        all.put("ARENA_GUEST_LIMIT", "0");
        // the start-up warm-up costs seconds per node; StartWarmupIntegrationTest turns it on
        all.put("ARENA_WARMUP", "0");
        Path owned = null;
        if (!env.containsKey("ARENA_DATA_DIR")) {
            owned = tempDir();
            all.put("ARENA_DATA_DIR", owned.toString());
        }
        all.putAll(env);
        ArenaConfig config = ConfigLoader.load(all, Map.of());
        try {
            return new TestNode(ArenaNode.start(config, clock, steps, recorderStore), clock, owned);
        } catch (RuntimeException e) {
            if (owned != null) {
                TestDatabases.deleteTree(owned);
            }
            throw e;
        }
    }

    public static Path tempDir() {
        return tempDir("arena-test-");
    }

    /**
     * A fresh directory under the system's temporary one, deleted with everything in it when the test JVM exits:
     * embedded databases' data directories are about 40 MB each, and a suite run makes hundreds.
     */
    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            TEMP_DIRS.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final java.util.Queue<Path> TEMP_DIRS = new java.util.concurrent.ConcurrentLinkedQueue<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path dir : TEMP_DIRS) {
                try {
                    TestDatabases.deleteTree(dir);
                } catch (RuntimeException e) {
                    // a child process may still hold files in it; the next run's temp dirs are new ones anyway
                }
            }
        }, "arena-test-temp-dirs"));
    }

    public ArenaNode arena() {
        return node;
    }

    public MutableClock clock() {
        return clock;
    }

    public Http http() {
        return http;
    }

    /** Registers a player and returns the 201 body ({@code player}, {@code token}, {@code refresh_token}, ...). */
    public JsonObject register(String username, String password) {
        Response r = http.post("/auth/register", new JsonObject().put("username", username).put("password", password));
        assertThat(r.status()).as("register %s: %s", username, r).isEqualTo(201);
        return r.json();
    }

    @Override
    public void close() {
        node.close();
        if (ownedDataDir != null) {
            TestDatabases.deleteTree(ownedDataDir);
        }
    }
}
