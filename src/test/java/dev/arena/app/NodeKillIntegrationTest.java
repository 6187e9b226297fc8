package dev.arena.app;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.Player;
import dev.arena.testing.TestNode;
import dev.arena.testing.TestRedis;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, faults under load: one node of two is killed with {@code kill -9} (a child JVM running {@code arena
 * serve}) while players on both chat in one room and a matchmaking ticket waits. The survivor's sockets keep their
 * room (their streams stay whole, lines keep flowing), the dead node's members are swept from presence and their
 * leaves reach the survivor's sockets, the dead node leaves {@code arena:nodes}, its matcher leases move to the
 * survivor once they expire, and the ticket queued through the dead node is matched there.
 */
@Tag("chaos")
class NodeKillIntegrationTest {
    private static final String ROOM = "kill-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Set<String> MODES = Set.of("arena_battle", "connect_four");
    private static final int PER_NODE = 3;

    @RegisterExtension
    static final TestCluster cluster = TestCluster.withoutNodes("nk");

    @Test
    void aNodeKilledUnderLoadLeavesTheOthersRoomsWholeAndHandsOverItsPresenceLeasesAndTickets() throws Exception {
        // the victim starts first, so that it takes every matcher lease
        String victimId = "nk-victim-" + cluster.run();
        ChildArena victim = ChildArena.serve(TestNode.tempDir(), Map.of("ARENA_DATABASE_URL", cluster.databaseUrl(),
                "ARENA_REDIS_URL", TestRedis.url(), "ARENA_TOKEN_SECRET", TestCluster.secret(),
                "ARENA_NODE_ID", victimId, "ARENA_NODE_TTL", "2s", "ARENA_HTTP_INSTANCES", "1",
                "ARENA_DB_POOL_SIZE", "4", "ARENA_WS_RATE", "200", "ARENA_WS_BURST", "400"));
        try {
            URI victimUri = victim.awaitReady(Duration.ofSeconds(120));
            Redis redis = TestRedis.client(cluster.vertx());
            Eventually.until(() -> leaseHolders(redis), h -> h.stream().allMatch(v -> v.startsWith(victimId + ":")),
                    Duration.ofSeconds(30), "the victim to hold every matcher lease");
            ArenaNode survivor = cluster.node("nk-survivor");
            String survivorId = survivor.config().nodeId();

            List<WsClient> mine = new ArrayList<>();
            List<WsClient> theirs = new ArrayList<>();
            for (int i = 0; i < 2 * PER_NODE; i++) {
                String token = await(survivor.identity().guest("device-" + UUID.randomUUID())).token();
                WsClient c = WsClient.gateway(cluster.vertx(), i < PER_NODE ? survivor.port() : victimUri.getPort(),
                        token);
                WsClient.join(c, ROOM);
                (i < PER_NODE ? mine : theirs).add(c);
            }
            List<WsClient> all = new ArrayList<>(mine);
            all.addAll(theirs);
            Set<String> theirSessions = new HashSet<>();
            theirs.forEach(c -> theirSessions.add(c.welcome().getString("session_id")));

            // a ticket queued through the victim, alone in its region: it waits
            Player queued = Player.of(await(survivor.identity().guest("device-" + UUID.randomUUID())));
            String region = "r-" + UUID.randomUUID().toString().substring(0, 8);
            WsClient queuedSocket = WsClient.gateway(cluster.vertx(), survivor.port(), queued.token());
            String ticket = enqueue(new Http(victimUri), queued, region);

            long t0;
            int after;
            ChatLoad chat = new ChatLoad(cluster.vertx(), ROOM, all, 50);
            try (chat) {
                Eventually.until(() -> chat.received(all), n -> n >= 10 * all.size(), "chat on both nodes");

                t0 = System.nanoTime();
                victim.kill();
                assertThat(victim.process.waitFor(10, TimeUnit.SECONDS)).as("the victim is dead").isTrue();
                after = chat.sent();

                // swept: its members leave presence (and the survivor's sockets hear it), it leaves arena:nodes
                Eventually.until(() -> mine.stream().allMatch(c -> chat.leaves(c).containsAll(theirSessions)), ok -> ok,
                        Duration.ofSeconds(15), "the dead node's members to leave on every survivor socket");
                System.out.printf("kill -9: the dead node's members swept after %d ms%n",
                        (System.nanoTime() - t0) / 1_000_000);
                Response presence = await(redis.send(Request.cmd(Command.HLEN).arg("arena:presence:{" + ROOM + "}")));
                assertThat(presence.toInteger()).as("presence left in the room").isEqualTo(PER_NODE);
                Eventually.until(() -> await(redis.send(Request.cmd(Command.SISMEMBER).arg("arena:nodes").arg(victimId)))
                        .toInteger(), n -> n == 0, "the dead node out of arena:nodes");

                // its leases move once they expire
                Eventually.until(() -> survivor.matchmaking().matching(), m -> m.equals(MODES), Duration.ofSeconds(20),
                        "the survivor to take over every matcher");
                System.out.printf("kill -9: leases on the survivor after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
                assertThat(leaseHolders(redis)).allSatisfy(h -> assertThat(h).startsWith(survivorId + ":"));

                // lines keep flowing among the survivor's sockets
                Eventually.until(() -> chat.acked(after), a -> a.size() >= 10, "chat acknowledged after the kill");
            }
            // the ticket queued through the dead node is matched by the survivor with a newcomer's
            Player newcomer = Player.of(await(survivor.identity().guest("device-" + UUID.randomUUID())));
            try (queuedSocket; WsClient newSocket = WsClient.gateway(cluster.vertx(), survivor.port(), newcomer.token())) {
                enqueue(new Http(URI.create("http://127.0.0.1:" + survivor.port() + "/")), newcomer, region);
                JsonObject matched = queuedSocket.await("mm.matched");
                assertThat(matched.getString("node")).isEqualTo(survivorId);
                assertThat(newSocket.await("mm.matched").getString("game_id")).isEqualTo(matched.getString("game_id"));
                assertThat(new Http(URI.create("http://127.0.0.1:" + survivor.port() + "/"))
                        .get("/matchmaking/tickets/" + ticket, queued.token()).json().getString("status"))
                        .isEqualTo("matched");
            }

            Set<Long> ackedAfter = chat.acked(after);
            Eventually.until(() -> mine.stream().allMatch(c -> chat.chatIds(c).containsAll(ackedAfter)), ok -> ok,
                    Duration.ofSeconds(15), "every line acknowledged after the kill on every survivor socket");
            for (WsClient c : mine) {
                assertThat(chat.assertWhole(c)).as("resyncs on a survivor socket").isZero();
            }
            System.out.printf("kill -9: %d lines sent, %d acknowledged after the kill, %d ms from the kill%n",
                    chat.sent(), ackedAfter.size(), (System.nanoTime() - t0) / 1_000_000);
            all.forEach(WsClient::close);
        } finally {
            victim.kill();
        }
    }

    private static Set<String> leaseHolders(Redis redis) {
        Set<String> out = new HashSet<>();
        for (String mode : MODES) {
            Response r = await(redis.send(Request.cmd(Command.GET).arg("arena:mm:lease:" + mode)));
            out.add(r == null ? "" : r.toString());
        }
        return out;
    }

    private static String enqueue(Http http, Player p, String region) {
        var r = http.post("/matchmaking/tickets", new JsonObject().put("mode", "connect_four")
                .put("properties", new JsonObject().put("region", region)), p.token());
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().getString("ticket_id");
    }
}
