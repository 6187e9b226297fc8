package dev.arena.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14: {@code GET /leaderboard/global} and {@code GET /matchmaking/stats} refused a visitor, while the original
 * design serves its leaderboard publicly. The public reads (docs/SECURITY.md) answer without a token; a bad token is
 * still refused, and the rest still needs one.
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
    }

    @Test
    void everythingElseStillNeedsAToken() {
        assertThat(node.http().get("/chat/lobby/messages").status()).isEqualTo(401);
        assertThat(node.http().get("/players/me").status()).isEqualTo(401);
        assertThat(node.http().get("/games/" + UUID.randomUUID() + "/state").status()).isEqualTo(401);
        assertThat(node.http().get("/admin/jobs").status()).isEqualTo(401);
        assertThat(node.http().get("/matchmaking/tickets/" + UUID.randomUUID()).status()).isEqualTo(401);
    }
}
