package dev.arena.app;

import static dev.arena.testing.Futures.await;

import dev.arena.testing.Player;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.config.ConfigLoader;
import dev.arena.testing.Http;
import dev.arena.testing.Response;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import dev.arena.testing.TestRedis;
import dev.arena.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Matchmaking across three real nodes sharing PostgreSQL and Redis: tickets queued on any node, exactly one matcher
 * per mode in the cluster, {@code mm.matched} pushed to players on other nodes, and the matcher taken over at once
 * when its node stops, and after the lease time when it dies. Nodes step only when the test says so.
 */
class MatchmakingClusterIntegrationTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final Set<String> MODES = Set.of("arena_battle", "connect_four");
    private static String database;
    private static Vertx vertx;
    private static final List<ArenaNode> nodes = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = TestDatabases.asUrl(TestDatabases.fresh(MatchmakingClusterIntegrationTest.class));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        nodes.forEach(ArenaNode::close);
        if (vertx != null) {
            vertx.close();
        }
    }

    static ArenaNode node(String name) {
        Map<String, String> env = new HashMap<>();
        env.put("ARENA_HOST", "127.0.0.1");
        env.put("ARENA_PORT", "0");
        env.put("ARENA_DATA_DIR", TestNode.tempDir().toString());
        env.put("ARENA_DATABASE_URL", database);
        env.put("ARENA_REDIS_URL", TestRedis.url());
        env.put("ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET);
        env.put("ARENA_NODE_ID", name + "-" + RUN);
        env.put("ARENA_HTTP_INSTANCES", "1");
        env.put("ARENA_DB_POOL_SIZE", "4");
        env.put("ARENA_MM_INTERVAL", "1h");
        env.put("ARENA_MM_LEASE_TTL", "8s"); // long enough for a test's slow steps on 2 shared cores
        ArenaNode n = ArenaNode.start(ConfigLoader.load(env, Map.of()), Clock.systemUTC());
        nodes.add(n);
        return n;
    }

    static void step(ArenaNode... ns) {
        for (ArenaNode n : ns) {
            await(n.matchmaking().step());
        }
    }

    /**
     * Steps the node until it runs every mode's matcher (a lease left by a node that died earlier expires on Redis's
     * clock: a bounded poll), checking after each step that no two nodes run the same mode.
     */
    static void stepUntilMatching(ArenaNode n, List<ArenaNode> others) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!n.matchmaking().matching().equals(MODES) && System.nanoTime() < deadline) {
            step(n);
            for (ArenaNode o : others) {
                step(o);
                assertOneMatcherPerMode(n, o);
            }
        }
        assertThat(n.matchmaking().matching()).containsExactlyInAnyOrderElementsOf(MODES);
    }

    static void assertOneMatcherPerMode(ArenaNode a, ArenaNode b) {
        Set<String> both = new java.util.HashSet<>(a.matchmaking().matching());
        both.retainAll(b.matchmaking().matching());
        assertThat(both).as("modes matched on both %s and %s", a.config().nodeId(), b.config().nodeId()).isEmpty();
    }

    static Player player(ArenaNode n) {
        var auth = await(n.identity().guest("device-" + UUID.randomUUID()));
        return Player.of(auth);
    }

    static String enqueue(ArenaNode n, Player p, String region) {
        Response r = new Http(URI.create("http://127.0.0.1:" + n.port() + "/")).post("/matchmaking/tickets",
                new JsonObject().put("mode", "connect_four").put("properties", new JsonObject().put("region", region)),
                p.token());
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().getString("ticket_id");
    }

    static String status(ArenaNode n, Player p, String ticket) {
        return new Http(URI.create("http://127.0.0.1:" + n.port() + "/")).get("/matchmaking/tickets/" + ticket,
                p.token()).json().getString("status");
    }

    /** Two players queued on {@code queueOn}, connected to {@code a} and {@code b}; returns their mm.matched. */
    static List<JsonObject> matchPair(ArenaNode queueOn, ArenaNode a, ArenaNode b, ArenaNode matcher,
                                      List<ArenaNode> idle) {
        Player p1 = player(queueOn);
        Player p2 = player(queueOn);
        String region = "r-" + UUID.randomUUID().toString().substring(0, 8);
        try (WsClient w1 = WsClient.gateway(vertx, a.port(), p1.token());
             WsClient w2 = WsClient.gateway(vertx, b.port(), p2.token())) {
            String t1 = enqueue(queueOn, p1, region);
            enqueue(queueOn, p2, region);
            for (ArenaNode n : idle) {
                step(n);
                assertThat(n.matchmaking().matching()).as("%s runs no matcher", n.config().nodeId()).isEmpty();
            }
            assertThat(status(queueOn, p1, t1)).as("only the matcher's node matches").isEqualTo("waiting");
            step(matcher);
            JsonObject m1 = w1.await("mm.matched");
            JsonObject m2 = w2.await("mm.matched");
            assertThat(m1.getString("game_id")).isEqualTo(m2.getString("game_id"));
            assertThat(m1.getString("node")).isEqualTo(matcher.config().nodeId());
            assertThat(status(a, p1, t1)).isEqualTo("matched");
            return List.of(m1, m2);
        }
    }

    @Test
    void oneMatcherPerModeAndAnotherNodeTakesOverWhenItsNodeStopsOrDies() {
        ArenaNode a = node("mm-a");
        ArenaNode b = node("mm-b");
        ArenaNode c = node("mm-c");

        // a holds the leases; tickets queued on b reach a's matcher; players on b and c get mm.matched from a
        stepUntilMatching(a, List.of(b, c));
        assertOneMatcherPerMode(a, b);
        assertOneMatcherPerMode(a, c);
        matchPair(b, b, c, a, List.of(b, c));

        // a stops gracefully and releases its leases: b's next step takes over, without waiting for the lease time
        a.close();
        step(b);
        assertThat(b.matchmaking().matching()).containsExactlyInAnyOrderElementsOf(MODES);
        step(c);
        assertOneMatcherPerMode(b, c);
        matchPair(c, c, c, b, List.of(c));

        // b dies: its lease is not released; c takes over once it expired (8 s on Redis's clock)
        b.crash();
        stepUntilMatching(c, List.of());
        matchPair(c, c, c, c, List.of());
    }
}
