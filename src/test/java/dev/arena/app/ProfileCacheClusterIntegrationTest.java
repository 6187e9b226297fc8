package dev.arena.app;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Profiles are cached on every node (no database round trip on a hit) and every change reaches both nodes' caches
 * within a second: a stored result (through the result jobs, whichever node runs them), a rename and a deletion.
 * Each test reads the profile on both nodes first, so only the change message can make them show the new state
 * (entries live 60 s otherwise).
 */
class ProfileCacheClusterIntegrationTest {
    @RegisterExtension
    static final TestCluster cluster = new TestCluster("pc");
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static Player player() {
        return Player.of(await(cluster.node1().identity().guest("device-" + UUID.randomUUID())));
    }

    private static Http http(ArenaNode node) {
        return new Http(URI.create("http://127.0.0.1:" + node.port()));
    }

    private static JsonObject profile(ArenaNode node, Player p) {
        Response r = http(node).get("/players/" + p.id() + "/profile", p.token());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static List<ArenaNode> both() {
        return List.of(cluster.node1(), cluster.node2());
    }

    @Test
    void aStoredResultChangesTheProfileOnBothNodes() {
        Player a = player();
        Player b = player();
        for (ArenaNode n : both()) {
            assertThat(profile(n, a).getJsonObject("stats").getInteger("games_played")).isZero();
        }
        Http onNode1 = http(cluster.node1());
        String id = EmbeddedDatabaseCrashIntegrationTest.relayMatchRunning(onNode1, a.token(), b.token());
        Response done = onNode1.post("/games/" + id + "/finish",
                new JsonObject().put("result", new JsonObject().put("winner", a.id())), a.token());
        assertThat(done.status()).as("%s", done).isEqualTo(202);

        for (ArenaNode n : both()) {
            JsonObject after = Eventually.until(() -> profile(n, a),
                    p -> p.getJsonObject("stats").getInteger("games_played") == 1, "the result in node "
                            + n.config().nodeId() + "'s profile");
            assertThat(after.getJsonObject("stats").getInteger("wins")).isEqualTo(1);
            assertThat(after.getJsonArray("recent_games").getJsonObject(0).getString("game_id")).isEqualTo(id);
        }
    }

    @Test
    void aRenameOnOneNodeShowsInTheOtherNodesProfileWithinASecond() {
        Player a = player();
        for (ArenaNode n : both()) {
            profile(n, a);
        }
        Response renamed = http(cluster.node1()).patch("/players/me", new JsonObject().put("display_name", "Renamed"),
                a.token());
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        for (ArenaNode n : both()) {
            Eventually.until(() -> profile(n, a).getJsonObject("player").getString("display_name"),
                    "Renamed"::equals, WITHIN, "the new name on " + n.config().nodeId());
        }
    }

    @Test
    void aDeletedAccountsProfileIsGoneOnBothNodes() {
        String name = "pc-admin-" + UUID.randomUUID().toString().substring(0, 6);
        await(cluster.node1().identity().createPrivileged(name, "admin-password", Role.ADMIN));
        String admin = await(cluster.node1().identity().login(name, "admin-password", "127.0.0.1")).token();
        Player a = player();
        for (ArenaNode n : both()) {
            profile(n, a);
        }
        Response deleted = http(cluster.node2()).send("DELETE", "/admin/players/" + a.id(), admin,
                new JsonObject().put("reason", "profile cache test"), java.util.Map.of());
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        for (ArenaNode n : both()) {
            Eventually.until(() -> http(n).get("/players/" + a.id() + "/profile", null).status(), s -> s == 404,
                    WITHIN, "no profile on " + n.config().nodeId());
        }
    }
}
