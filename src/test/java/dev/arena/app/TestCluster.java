package dev.arena.app;

import dev.arena.config.ConfigLoader;
import dev.arena.storage.postgres.PostgresServer;
import dev.arena.testing.TestNode;
import dev.arena.testing.TestRedis;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test cluster, as a JUnit extension ({@code @RegisterExtension static final TestCluster cluster = new
 * TestCluster("n")}): before the class, one embedded PostgreSQL of its own and two real nodes ({@link #node1},
 * {@link #node2}) on the shared embedded Redis, with a 2 s node TTL and one HTTP instance each; tests may start
 * extra nodes ({@link #node}). Node ids carry a random run suffix, so classes sharing the Redis keep apart. After
 * the class, every node it started is closed (latest first), then the clients' Vert.x and the database.
 */
final class TestCluster implements BeforeAllCallback, AfterAllCallback {
    private static final String SECRET = "test-cluster-secret-0123456789abcdefghijkl";

    private final String prefix;
    private final Clock clock;
    private final java.util.function.Supplier<String> redis;
    private boolean startNodes = true;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final List<ArenaNode> nodes = new ArrayList<>();
    private final Vertx vertx = Vertx.vertx();
    private PostgresServer database;
    private ArenaNode node1;
    private ArenaNode node2;

    /** @param prefix of the two nodes' names ({@code <prefix>1}, {@code <prefix>2}) */
    TestCluster(String prefix) {
        this(prefix, Clock.systemUTC());
    }

    /** @param clock every node's clock (a {@code MutableClock} lets a test drive deadlines) */
    TestCluster(String prefix, Clock clock) {
        this(prefix, clock, TestRedis::url);
    }

    /** @param redis the Redis URL of every node (a test that restarts Redis brings a server of its own) */
    TestCluster(String prefix, Clock clock, java.util.function.Supplier<String> redis) {
        this.prefix = prefix;
        this.clock = clock;
        this.redis = redis;
    }

    /** A cluster whose nodes the test starts itself ({@link #node}); {@link #node1} and {@link #node2} are null. */
    static TestCluster withoutNodes(String prefix) {
        TestCluster c = new TestCluster(prefix);
        c.startNodes = false;
        return c;
    }

    /** The PostgreSQL URL the nodes use (a child {@code arena} process can join the cluster with it). */
    String databaseUrl() {
        return "postgres://postgres@127.0.0.1:" + database.url().port() + "/postgres";
    }

    /** The run suffix of the node names. */
    String run() {
        return run;
    }

    static String secret() {
        return SECRET;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        database = PostgresServer.startEmbedded(TestNode.tempDir("arena-cluster-pg"));
        if (startNodes) {
            node1 = node(prefix + "1");
            node2 = node(prefix + "2");
        }
    }

    ArenaNode node1() {
        return node1;
    }

    ArenaNode node2() {
        return node2;
    }

    /** Clients' Vert.x. */
    Vertx vertx() {
        return vertx;
    }

    /** Starts a node named {@code name} plus the run suffix; it is closed with the cluster. */
    synchronized ArenaNode node(String name) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ARENA_HOST", "127.0.0.1");
        env.put("ARENA_PORT", "0");
        env.put("ARENA_DATA_DIR", TestNode.tempDir("arena-cluster-" + name).toString());
        env.put("ARENA_DATABASE_URL", databaseUrl());
        env.put("ARENA_REDIS_URL", redis.get());
        env.put("ARENA_TOKEN_SECRET", SECRET);
        env.put("ARENA_NODE_ID", name + "-" + run);
        env.put("ARENA_NODE_TTL", "2s");
        env.put("ARENA_HTTP_INSTANCES", "1");
        env.put("ARENA_DB_POOL_SIZE", "4");
        env.put("ARENA_WS_RATE", "200");
        env.put("ARENA_WS_BURST", "400");
        env.put("ARENA_WS_RESUME_BUFFER", "64");
        ArenaNode node = ArenaNode.start(ConfigLoader.load(env, Map.of()), clock);
        nodes.add(node);
        return node;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        for (ArenaNode n : nodes.reversed()) {
            n.close();
        }
        vertx.close();
        if (database != null) {
            database.close();
        }
    }
}
