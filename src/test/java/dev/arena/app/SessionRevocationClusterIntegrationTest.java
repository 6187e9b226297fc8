package dev.arena.app;

import static dev.arena.testing.WsClient.join;
import static dev.arena.testing.WsClient.msg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.AuthResult;
import dev.arena.identity.Role;
import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Revocations across two nodes (Redis pub/sub): made on node 1, they close node 2's sockets of the session with
 * 4002 within a second, and the token stops there too; a role change is seen by node 2 within a second.
 */
class SessionRevocationClusterIntegrationTest {
    @RegisterExtension
    static final TestCluster cluster = new TestCluster("rv");
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static String adminToken;

    @BeforeAll
    static void admin() {
        dev.arena.testing.Futures.await(cluster.node1().identity().createPrivileged("cluster-admin", "admin-password", Role.ADMIN));
        adminToken = dev.arena.testing.Futures.await(cluster.node1().identity().login("cluster-admin", "admin-password", "127.0.0.1"))
                .token();
    }

    private static Http http(ArenaNode node) {
        return new Http(URI.create("http://127.0.0.1:" + node.port() + "/"));
    }

    private static AuthResult guest() {
        return dev.arena.testing.Futures.await(cluster.node1().identity().guest("device-" + UUID.randomUUID()));
    }

    private static WsClient socket(ArenaNode node, String token) {
        return WsClient.gateway(cluster.vertx(), node.port(), token);
    }

    private static short closedWithin(WsClient c, Duration d) {
        long t0 = System.nanoTime();
        short code = c.awaitClose();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("closed after the revocation").isLessThan(d);
        return code;
    }

    @Test
    void logoutOnOneNodeClosesTheSocketOnTheOtherWithinASecondAndItCanNoLongerSend() {
        AuthResult me = guest();
        AuthResult friend = guest();
        String room = "rv-" + UUID.randomUUID().toString().substring(0, 8);
        try (WsClient onB = socket(cluster.node2(), me.token());
             WsClient witness = socket(cluster.node2(), friend.token())) {
            join(onB, room);
            join(witness, room);
            // warm: node 2 has the session in its cache, so only the revocation message can stop it there
            assertThat(http(cluster.node2()).get("/players/me", me.token()).status()).isEqualTo(200);

            assertThat(http(cluster.node1()).post("/auth/logout", null, me.token()).status()).isEqualTo(204);

            assertThat(closedWithin(onB, WITHIN)).isEqualTo((short) 4002);
            assertThat(http(cluster.node2()).get("/players/me", me.token()).status()).isEqualTo(401);
            // what it tries now goes nowhere: no chat, no direct message, no ticket
            try {
                onB.send(msg("chat.send", "room", room, "message", "after logout", "rid", "c"));
                onB.send(msg("dm.send", "to", friend.player().id().toString(), "message", "after logout", "rid", "d"));
                onB.send(msg("mm.enqueue", "mode", "connect_four", "properties", new JsonObject().put("region", "eu"),
                        "rid", "m"));
            } catch (RuntimeException closedAlready) {
                // the client library may refuse to write on a closed socket: the same outcome
            }
            witness.send(msg("chat.send", "room", room, "message", "marker", "rid", "w"));
            JsonObject first = witness.await(o -> "chat.message".equals(o.getString("type")), "the marker");
            assertThat(first.getString("message")).isEqualTo("marker");
            assertThat(witness.all().toString()).doesNotContain("after logout");
            var stats = http(cluster.node1()).get("/matchmaking/stats", friend.token()).json();
            assertThat(stats.encode()).doesNotContain(me.player().id().toString());
        }
    }

    @Test
    void signOutEverywhereOnOneNodeClosesEverySocketOnBothNodes() {
        AuthResult first = guest();
        String device = "device-" + UUID.randomUUID();
        AuthResult a = dev.arena.testing.Futures.await(cluster.node1().identity().guest(device));
        AuthResult b = dev.arena.testing.Futures.await(cluster.node2().identity().guest(device));
        try (WsClient onA = socket(cluster.node1(), a.token()); WsClient onB = socket(cluster.node2(), b.token());
             WsClient bystander = socket(cluster.node2(), first.token())) {
            assertThat(http(cluster.node2()).get("/players/me", a.token()).status()).isEqualTo(200);
            assertThat(http(cluster.node1()).post("/auth/logout-all", null, a.token()).status()).isEqualTo(204);
            assertThat(closedWithin(onA, WITHIN)).isEqualTo((short) 4002);
            assertThat(closedWithin(onB, WITHIN)).isEqualTo((short) 4002);
            assertThat(http(cluster.node2()).get("/players/me", a.token()).status()).isEqualTo(401);
            assertThat(http(cluster.node2()).get("/players/me", b.token()).status()).isEqualTo(401);
            assertThat(bystander.isClosed()).isFalse();
        }
    }

    @Test
    void aRoleChangeOnOneNodeAppliesOnTheOtherWithinASecond() {
        AuthResult me = guest();
        String probe = "/chat/moderation/" + me.player().id(); // moderators only
        Http onB = http(cluster.node2());
        assertThat(onB.get(probe, me.token()).status()).isEqualTo(403); // node 2 caches "player"
        try (WsClient socket = socket(cluster.node2(), me.token())) {
            assertThat(http(cluster.node1()).put("/players/" + me.player().id() + "/role",
                    new JsonObject().put("role", "moderator"), adminToken).status()).isEqualTo(200);
            Eventually.until(() -> onB.get(probe, me.token()).status(), s -> s == 200, WITHIN,
                    "the new role on node 2");
            assertThat(closedWithin(socket, WITHIN)).isEqualTo((short) 4002);
        }
    }
}
