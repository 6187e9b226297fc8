package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import dev.arena.testing.NodeFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14: {@code GET /leaderboard/global} and {@code GET /matchmaking/stats} refused a visitor, while the original
 * design serves its leaderboard publicly. The public reads (docs/SECURITY.md) answer without a token; a bad token is
 * still refused, and the rest still needs one. The whole matrix, every route and role, is
 * {@code gateway.AuthorizationMatrixIntegrationTest}.
 */
class PublicReadsIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    @Test
    void aVisitorReadsTheLeaderboardAndMatchmakingStats() {
        String id = node.register("ranked-visible", "password-1").getJsonObject("player").getString("id");
        assertThat(node.http().get("/leaderboard/global").status()).isEqualTo(200);
        assertThat(node.http().get("/leaderboard/global?mode=connect_four&limit=5").status()).isEqualTo(200);
        var around = node.http().get("/leaderboard/global/around/" + id);
        assertThat(around.status()).as("%s", around).isIn(200, 404);
        assertThat(node.http().get("/matchmaking/stats").status()).isEqualTo(200);
        assertThat(node.http().get("/tournaments").status()).isEqualTo(200);
    }

    @Test
    void aBadTokenOnAPublicReadIsStillRefused() {
        assertThat(node.http().get("/leaderboard/global", "not-a-token").status()).isEqualTo(401);
        String id = node.register("badly-read", "password-1").getJsonObject("player").getString("id");
        assertThat(node.http().get("/players/" + id, "not-a-token").status()).isEqualTo(401);
        assertThat(node.http().get("/lobby/games", "not-a-token").status()).isEqualTo(401);
    }

    /** Issue 14, item 4: profiles and stats, the lobby and the games list, and public games' states are public. */
    @Test
    void aVisitorReadsProfilesTheLobbyAndPublicGamesButNotAPrivateOne() {
        var host = node.register("visited-host", "password-1");
        String id = host.getJsonObject("player").getString("id");
        String token = host.getString("token");
        for (String path : new String[] {"/players/" + id, "/players/" + id + "/stats", "/players/" + id + "/profile",
                "/lobby/games", "/games"}) {
            assertThat(node.http().get(path).status()).as(path).isEqualTo(200);
        }
        String open = node.http().post("/games/create", new JsonObject().put("mode", "connect_four"), token).json()
                .getString("game_id");
        var state = node.http().get("/games/" + open + "/state");
        assertThat(state.status()).as("%s", state).isEqualTo(200);
        assertThat(state.json().getString("game_id")).isEqualTo(open);

        String hidden = node.http().post("/games/create", new JsonObject().put("mode", "connect_four")
                .put("private", true), token).json().getString("game_id");
        var refused = node.http().get("/games/" + hidden + "/state");
        assertThat(refused.status()).as("a visitor is asked to sign in: %s", refused).isEqualTo(401);
        assertThat(node.http().get("/games/" + hidden + "/state", token).status()).isEqualTo(200);
        var other = node.register("not-invited", "password-1").getString("token");
        assertThat(node.http().get("/games/" + hidden + "/state", other).status()).isEqualTo(403);
        assertThat(node.http().get("/games/" + UUID.randomUUID() + "/replay").status()).isEqualTo(404);
    }

    @Test
    void everythingElseStillNeedsAToken() {
        assertThat(node.http().get("/chat/lobby/messages").status()).isEqualTo(401);
        assertThat(node.http().get("/players/me").status()).isEqualTo(401);
        assertThat(node.http().get("/admin/jobs").status()).isEqualTo(401);
        assertThat(node.http().get("/matchmaking/tickets/" + UUID.randomUUID()).status()).isEqualTo(401);
    }
}
