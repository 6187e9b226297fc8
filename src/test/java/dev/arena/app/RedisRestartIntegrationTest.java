package dev.arena.app;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.config.DatabaseUrl;
import dev.arena.storage.postgres.PgPools;
import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.Response;
import dev.arena.testing.Player;
import dev.arena.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.embedded.RedisServer;

/**
 * Issue 14, faults under load: the cluster's Redis is stopped and started again on the same port (empty, as a
 * Redis without persistence comes back) while players on both nodes chat in one room. Readiness turns 503 on both
 * nodes and back; the nodes reconnect, re-subscribe, register again (heartbeats, presence, the matcher leases, one
 * node per mode); and every socket's stream stays whole: each {@code chat.message} follows the one before it by one
 * {@code seq}, unless a {@code resync} error and a {@code room.joined} came between (docs/CLUSTERING.md, "When Redis
 * goes away"). Before the fix the room's numbering, restarted at 1 by the empty Redis, fell below what the members
 * had seen and every new line was dropped as a duplicate: silence. This test restarts a Redis of its own, not the
 * JVM's shared one.
 */
@Tag("chaos")
class RedisRestartIntegrationTest {
    private static final int PORT = freePort();
    private static final RedisServer REDIS = redis();
    private static final String ROOM = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int PER_NODE = 3;
    private static final Set<String> MODES = Set.of("arena_battle", "connect_four");

    /** Stops this test's Redis after the cluster's nodes (extensions close in the reverse of their order here). */
    @RegisterExtension
    static final AfterAllCallback STOP_REDIS = context -> REDIS.stop();

    @RegisterExtension
    static final TestCluster cluster = new TestCluster("rr", Clock.systemUTC(), () -> "redis://127.0.0.1:" + PORT);

    @Test
    void aRedisRestartUnderLoadLeavesEveryStreamWholeAndTheNodesRegisteredAgain() throws IOException {
        List<ArenaNode> nodes = List.of(cluster.node1(), cluster.node2());
        List<WsClient> clients = new ArrayList<>();
        for (ArenaNode n : nodes) {
            for (int i = 0; i < PER_NODE; i++) {
                String token = await(n.identity().guest("device-" + UUID.randomUUID())).token();
                WsClient c = WsClient.gateway(cluster.vertx(), n.port(), token);
                WsClient.join(c, ROOM);
                clients.add(c);
            }
        }
        // shared state only Redis held before: its owners write it back after the restart
        for (ArenaNode n : nodes) {
            await(n.matchmaking().stop()); // so the two tickets wait through the restart
        }
        Owned owned = Owned.before(cluster.vertx(), cluster.node1(), cluster.node2());
        // a rating in PostgreSQL that only the boards' refill can bring to Redis (no result job will write it)
        UUID rated = UUID.randomUUID();
        Pool db = PgPools.create(cluster.vertx(), DatabaseUrl.parse(cluster.databaseUrl()), 1);
        await(db.preparedQuery("INSERT INTO ratings (player_id, mode, rating, deviation, volatility, games, updated_at)"
                + " VALUES ($1, 'refill_mode', 1712.5, 80, 0.06, 3, now())").execute(Tuple.of(rated)));
        await(db.close());
        long t0 = System.nanoTime();
        int after;
        ChatLoad chat = new ChatLoad(cluster.vertx(), ROOM, clients, 50);
        try (chat) {
            Eventually.until(() -> chat.received(clients), n -> n >= 10 * clients.size(), "chat before the outage");

            long down = System.nanoTime();
            REDIS.stop();
            for (ArenaNode n : nodes) {
                Eventually.until(() -> http(n).get("/health/ready").status(), s -> s == 503, Duration.ofSeconds(5),
                        "/health/ready 503 on " + n.config().nodeId() + " while Redis is down");
            }
            System.out.printf("Redis down: both nodes not ready after %d ms%n", (System.nanoTime() - down) / 1_000_000);
            int sentWhileDown = chat.sent();
            Eventually.until(chat::sent, n -> n >= sentWhileDown + 10, "lines sent while Redis is down");

            REDIS.start();
            long up = System.nanoTime();
            for (ArenaNode n : nodes) {
                Eventually.until(() -> http(n).get("/health/ready").status(), s -> s == 200, Duration.ofSeconds(20),
                        "/health/ready 200 on " + n.config().nodeId() + " after Redis is back");
            }
            System.out.printf("Redis back: both nodes ready after %d ms%n", (System.nanoTime() - up) / 1_000_000);
            for (ArenaNode n : nodes) {
                n.matchmaking().start(n.config().matchmaking().interval());
            }

            // registered again: heartbeats, every member's presence, one matcher per mode
            Redis redis = Redis.createClient(cluster.vertx(), "redis://127.0.0.1:" + PORT);
            Eventually.until(() -> members(redis, "arena:nodes"), m -> m.containsAll(nodeIds(nodes)),
                    "both nodes in arena:nodes again");
            Eventually.until(() -> await(redis.send(Request.cmd(Command.HLEN).arg("arena:presence:{" + ROOM + "}")))
                    .toInteger(), n -> n == clients.size(), "every member's presence written back");
            Eventually.until(() -> {
                Set<String> all = new HashSet<>(cluster.node1().matchmaking().matching());
                all.addAll(cluster.node2().matchmaking().matching());
                return all;
            }, all -> all.equals(MODES), "every mode's matcher lease taken again");
            Set<String> both = new HashSet<>(cluster.node1().matchmaking().matching());
            both.retainAll(cluster.node2().matchmaking().matching());
            assertThat(both).as("modes matched on both nodes").isEmpty();
            for (String mode : MODES) {
                String holder = await(redis.send(Request.cmd(Command.GET).arg("arena:mm:lease:" + mode))).toString();
                assertThat(nodeIds(nodes)).as("lease of %s held by %s", mode, holder)
                        .anySatisfy(id -> assertThat(holder).startsWith(id + ":"));
            }

            long written = System.nanoTime();
            owned.assertWrittenBack(redis);
            // the leaderboards, which only PostgreSQL holds besides Redis, are filled again from it
            Eventually.until(() -> String.valueOf(await(redis.send(Request.cmd(Command.ZSCORE)
                    .arg("arena:lb:global:refill_mode").arg(rated.toString())))), "1712.5"::equals,
                    "the rated player back on the board");
            System.out.printf("Redis restart: tickets, game, join code, party, socket counts checked in %d ms%n",
                    (System.nanoTime() - written) / 1_000_000);

            // lines acknowledged from now on reach every member on both nodes
            after = chat.sent();
            Eventually.until(() -> chat.acked(after), a -> a.size() >= 10, "chat acknowledged after the outage");
        }
        Set<Long> ackedAfter = chat.acked(after);
        Eventually.until(() -> clients.stream().allMatch(c -> chat.chatIds(c).containsAll(ackedAfter)), ok -> ok,
                Duration.ofSeconds(15), "every line acknowledged after the outage on every socket");

        int resyncs = 0;
        for (WsClient c : clients) {
            resyncs += chat.assertWhole(c);
        }
        System.out.printf("Redis restart: %d lines sent, %d sockets told to resync, %d ms%n", chat.sent(), resyncs,
                (System.nanoTime() - t0) / 1_000_000);
        // Redis came back empty: every socket's room numbering began again, which each must be told of
        assertThat(resyncs).as("sockets told to resync").isEqualTo(clients.size());
        owned.assertStillWatched();
        clients.forEach(WsClient::close);
    }

    /**
     * What each node owns in Redis, made before the restart: two tickets queued through different nodes (matchers
     * stopped, so they wait), a game and a private game of node 1, a party made through node 2, and each node's
     * sockets (the chat clients). After the restart each is found through the other node.
     */
    private record Owned(ArenaNode one, ArenaNode two, Player queuedOne, String ticketOne, Player queuedTwo,
                         String ticketTwo, String game, WsClient watcher, Player friend, String code,
                         String privateGame, Player leader, String party) {

        static Owned before(Vertx vertx, ArenaNode one, ArenaNode two) {
            String region = "r" + UUID.randomUUID().toString().substring(0, 8);
            Player a = player(one);
            Player b = player(two);
            Player host = player(one);
            JsonObject game = created(http(one).post("/games/create", new JsonObject().put("mode", "connect_four")
                    .put("region", region), host.token()));
            JsonObject secret = created(http(one).post("/games/create", new JsonObject().put("mode", "arena_battle")
                    .put("private", true), host.token()));
            Player leader = player(two);
            // a spectator on node 2 of node 1's game
            WsClient watcher = WsClient.gateway(vertx, two.port(), player(two).token());
            watcher.send(WsClient.msg("match.spectate", "game_id", game.getString("game_id")));
            watcher.await("match.state");
            return new Owned(one, two, a, enqueue(one, a, region), b, enqueue(two, b, region),
                    game.getString("game_id"), watcher, player(two), secret.getString("join_code"),
                    secret.getString("game_id"), leader,
                    created(http(two).post("/parties", null, leader.token())).getString("party_id"));
        }

        void assertWrittenBack(Redis redis) {
            // the tickets queued on different nodes before the restart are matched with each other after it
            Eventually.until(() -> http(two).get("/matchmaking/tickets/" + ticketOne, queuedOne.token()).json(),
                    t -> "matched".equals(t.getString("status")), "the ticket queued on node 1 matched");
            String gameId = http(two).get("/matchmaking/tickets/" + ticketOne, queuedOne.token()).json()
                    .getString("game_id");
            JsonObject other = http(one).get("/matchmaking/tickets/" + ticketTwo, queuedTwo.token()).json();
            assertThat(other.getString("status")).as("%s", other).isEqualTo("matched");
            assertThat(other.getString("game_id")).isEqualTo(gameId);
            // node 1's game is still reached from node 2
            Response state = http(two).get("/games/" + game + "/state", queuedOne.token());
            assertThat(state.status()).as("%s", state).isEqualTo(200);
            assertThat(state.json().getString("owner_node")).isEqualTo(one.config().nodeId());
            // node 1's join code still works through node 2
            Response joined = http(two).post("/games/join-by-code", new JsonObject().put("join_code", code),
                    friend.token());
            assertThat(joined.status()).as("%s", joined).isEqualTo(200);
            assertThat(joined.json().getString("game_id")).isEqualTo(privateGame);
            // the party made through node 2 is still there, read through node 1
            Response party = http(one).get("/parties/" + this.party, leader.token());
            assertThat(party.status()).as("%s", party).isEqualTo(200);
            assertThat(party.json().getString("leader")).isEqualTo(leader.id());
            // each node's socket counts (three chat clients each, and the spectator on node 2) are back
            for (ArenaNode n : List.of(one, two)) {
                assertThat(await(redis.send(Request.cmd(Command.HLEN).arg("arena:mm:s:" + n.config().nodeId())))
                        .toInteger()).as("socket counts of %s", n.config().nodeId())
                        .isEqualTo(n == one ? PER_NODE : PER_NODE + 1);
            }
        }

        /** The spectator on node 2 was never told its match ended (its entry and owner were missing a while). */
        void assertStillWatched() {
            assertThat(watcher.drain("match.end")).as("match.end on node 2's spectator").isEmpty();
            watcher.close();
        }

        private static Player player(ArenaNode n) {
            return Player.of(await(n.identity().guest("device-" + UUID.randomUUID())));
        }

        private static String enqueue(ArenaNode n, Player p, String region) {
            return created(http(n).post("/matchmaking/tickets", new JsonObject().put("mode", "connect_four")
                    .put("properties", new JsonObject().put("region", region)), p.token())).getString("ticket_id");
        }

        private static JsonObject created(Response r) {
            assertThat(r.status()).as("%s", r).isEqualTo(201);
            return r.json();
        }
    }

    private static Set<String> members(Redis redis, String key) {
        Set<String> out = new HashSet<>();
        await(redis.send(Request.cmd(Command.SMEMBERS).arg(key))).forEach(r -> out.add(r.toString()));
        return out;
    }

    private static Set<String> nodeIds(List<ArenaNode> nodes) {
        Set<String> out = new HashSet<>();
        nodes.forEach(n -> out.add(n.config().nodeId()));
        return out;
    }

    private static Http http(ArenaNode n) {
        return new Http(URI.create("http://127.0.0.1:" + n.port() + "/"));
    }

    private static RedisServer redis() {
        try {
            RedisServer s = RedisServer.newRedisServer().bind("127.0.0.1").port(PORT)
                    .setting("save \"\"").setting("appendonly no").build();
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded Redis", e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
