package dev.arena.gateway.ws;

import static dev.arena.testing.WsClient.join;
import static dev.arena.testing.WsClient.msg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.identity.SessionCache;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions checked in memory on one node: revocations (logout, sign out everywhere, an admin's revoke, a role
 * change, a chat ban) take effect at once over HTTP and close the sockets opened with the session (4002);
 * authenticated requests and socket upgrades of a known session cost no database query.
 */
class SessionRevocationIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    private static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        node.arena().identity().createPrivileged("revoking-admin", "admin-password", Role.ADMIN)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        adminToken = node.http().post("/auth/login", new JsonObject().put("username", "revoking-admin")
                .put("password", "admin-password")).json().getString("token");
    }

    private static JsonObject login(String user) {
        return node.http().post("/auth/login", new JsonObject().put("username", user).put("password", "password-" + user))
                .json();
    }

    private static String user() {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        node.register(name, "password-" + name);
        return name;
    }

    private static WsClient socket(String token) {
        return WsClient.gateway(node.vertx(), node.arena().port(), token);
    }

    @Test
    void logoutClosesTheSessionsSocketsWith4002AndLeavesTheOtherSessionsOpen() {
        String user = user();
        JsonObject one = login(user);
        JsonObject two = login(user);
        try (WsClient a = socket(one.getString("token")); WsClient b = socket(two.getString("token"))) {
            join(a, "revoke-" + user);

            assertThat(node.http().post("/auth/logout", null, one.getString("token")).status()).isEqualTo(204);

            assertThat(a.awaitClose()).isEqualTo((short) 4002);
            assertThat(node.http().get("/players/me", one.getString("token")).status()).isEqualTo(401);
            assertThat(b.isClosed()).isFalse();
            assertThat(node.http().get("/players/me", two.getString("token")).status()).isEqualTo(200);
            b.send(msg("ping", "rid", "p"));
            b.await("pong");
        }
    }

    @Test
    void aRevokedTokenCannotOpenASocket() {
        String token = login(user()).getString("token");
        node.http().get("/players/me", token); // now cached
        assertThat(node.http().post("/auth/logout", null, token).status()).isEqualTo(204);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> socket(token)).hasMessageContaining("401");
    }

    @Test
    void signOutEverywhereEndsEverySessionAndClosesEverySocket() {
        String user = user();
        String t1 = login(user).getString("token");
        String t2 = login(user).getString("token");
        try (WsClient a = socket(t1); WsClient b = socket(t2)) {
            assertThat(node.http().post("/auth/logout-all", null, t1).status()).isEqualTo(204);
            assertThat(a.awaitClose()).isEqualTo((short) 4002);
            assertThat(b.awaitClose()).isEqualTo((short) 4002);
            assertThat(node.http().get("/players/me", t1).status()).isEqualTo(401);
            assertThat(node.http().get("/players/me", t2).status()).isEqualTo(401);
        }
    }

    @Test
    void anAdminRevokesAPlayersSessionsOthersMayNot() {
        String user = user();
        JsonObject session = login(user);
        String token = session.getString("token");
        String id = session.getJsonObject("player").getString("id");
        try (WsClient a = socket(token)) {
            String otherPlayer = login(user()).getString("token");
            JsonObject why = new JsonObject().put("reason", "account shared");
            assertThat(node.http().post("/admin/players/" + id + "/revoke-sessions", why, otherPlayer).status())
                    .isEqualTo(403);
            assertThat(node.http().post("/admin/players/" + UUID.randomUUID() + "/revoke-sessions", why, adminToken)
                    .status()).isEqualTo(404);
            assertThat(node.http().post("/admin/players/not-a-uuid/revoke-sessions", why, adminToken).status())
                    .isEqualTo(422);
            assertThat(node.http().post("/admin/players/" + id + "/revoke-sessions", new JsonObject(), adminToken).status())
                    .as("a console action names its reason").isEqualTo(422);
            assertThat(a.isClosed()).isFalse();

            assertThat(node.http().post("/admin/players/" + id + "/revoke-sessions", why, adminToken).status())
                    .isEqualTo(204);
            // written to the console's audit log, with who and why
            JsonObject entry = node.http().get("/admin/audit?q=revoke_sessions", adminToken).json().getJsonArray("items")
                    .getJsonObject(0);
            assertThat(entry.getString("target")).isEqualTo(id);
            assertThat(entry.getString("reason")).isEqualTo("account shared");
            assertThat(a.awaitClose()).isEqualTo((short) 4002);
            assertThat(node.http().get("/players/me", token).status()).isEqualTo(401);
        }
    }

    @Test
    void aRoleChangeAppliesToTheExistingTokenAtOnceAndClosesItsSockets() {
        JsonObject session = login(user());
        String token = session.getString("token");
        String id = session.getJsonObject("player").getString("id");
        String probe = "/chat/moderation/" + id; // moderators only
        assertThat(node.http().get(probe, token).status()).isEqualTo(403); // cached as a player now
        try (WsClient a = socket(token)) {
            assertThat(node.http().put("/players/" + id + "/role", new JsonObject().put("role", "moderator"), adminToken)
                    .status()).isEqualTo(200);
            assertThat(node.http().get(probe, token).status()).as("the cached role was dropped").isEqualTo(200);
            assertThat(a.awaitClose()).isEqualTo((short) 4002);
        }
        // the session itself stays: the client reconnects with the same token and the new role
        try (WsClient again = socket(token)) {
            again.send(msg("ping", "rid", "p"));
            again.await("pong");
        }
    }

    @Test
    void aChatBanClosesThePlayersSocketsAndTheReconnectedSocketCannotChat() {
        JsonObject session = login(user());
        String token = session.getString("token");
        String id = session.getJsonObject("player").getString("id");
        try (WsClient a = socket(token)) {
            assertThat(node.http().post("/chat/bans", new JsonObject().put("player_id", id).put("reason", "spam"),
                    adminToken).status()).isEqualTo(201);
            assertThat(a.awaitClose()).isEqualTo((short) 4002);
        }
        try (WsClient again = socket(token)) {
            join(again, "lobby-" + id);
            again.send(msg("chat.send", "room", "lobby-" + id, "message", "hello", "rid", "c1"));
            JsonObject error = again.await("error");
            assertThat(error.getString("code")).isEqualTo("banned");
        }
    }

    @Test
    void authenticatedRequestsAndUpgradesOfAKnownSessionCostNoQuery() {
        String token = login(user()).getString("token");
        assertThat(node.http().get("/matchmaking/stats", token).status()).isEqualTo(200); // loads the session once
        long before = sessionQueries();
        for (int i = 0; i < 20; i++) {
            assertThat(node.http().get("/matchmaking/stats", token).status()).isEqualTo(200);
        }
        try (WsClient a = socket(token)) {
            a.send(msg("ping", "rid", "p"));
            a.await("pong");
        }
        assertThat(sessionQueries() - before).isZero();
    }

    @Test
    void aSocketUpgradeRightAfterLoginCostsNoQueryAndACacheMissCostsOne() {
        String token = login(user()).getString("token");
        long before = sessionQueries();
        try (WsClient a = socket(token)) {
            assertThat(a.welcome().getString("display_name")).startsWith("u");
        }
        assertThat(sessionQueries() - before).as("login cached the session").isZero();

        node.clock().advance(SessionCache.TTL); // the entry is no longer trusted
        try (WsClient a = socket(token)) {
            assertThat(a.welcome().getString("display_name")).startsWith("u");
        }
        assertThat(sessionQueries() - before).as("session and display name in one query").isEqualTo(1);
    }

    /** Session loads this node sent to the database (each is counted by the pool's metrics as an SQL request). */
    private static long sessionQueries() {
        return node.arena().identity().sessionLoads();
    }
}
