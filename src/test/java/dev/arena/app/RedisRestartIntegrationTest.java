package dev.arena.app;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.WsClient;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
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
        clients.forEach(WsClient::close);
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
