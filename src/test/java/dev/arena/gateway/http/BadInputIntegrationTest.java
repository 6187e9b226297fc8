package dev.arena.gateway.http;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.AuthResult;
import dev.arena.identity.Role;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14's probe: inputs that gave 500s (with stack traces in the log) or were wrongly accepted. Each must be a
 * 4xx problem, or over the socket an error frame.
 */
class BadInputIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    private static Player player;
    private static Player moderator;

    @BeforeAll
    static void start() {
        player = Player.of(node.register("bad-input", "password-1"));
        await(node.arena().identity().createPrivileged("bad-mod", "password-mod", Role.MODERATOR));
        AuthResult mod = await(node.arena().identity().login("bad-mod", "password-mod", "127.0.0.1"));
        moderator = Player.of(mod);
    }

    private static String field(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    @Test
    void maxPlayersOutsideOneToSixtyFourIs422Not500() {
        for (int n : new int[] {-1, 0, 65, Integer.MAX_VALUE}) {
            Response r = node.http().post("/games/create",
                    new JsonObject().put("mode", "arena_battle").put("max_players", n), player.token());
            assertThat(field(r)).as("max_players %d", n).isEqualTo("max_players");
        }
    }

    @Test
    void invitingAPlayerWhoDoesNotExistIs404() {
        String party = node.http().post("/parties", null, player.token()).json().getString("party_id");
        Response r = node.http().post("/parties/" + party + "/invite",
                new JsonObject().put("player_id", UUID.randomUUID().toString()), player.token());
        assertThat(r.status()).as("%s", r).isEqualTo(404);
        JsonObject after = node.http().get("/parties/" + party, player.token()).json();
        assertThat(after.getJsonArray("invited")).isEmpty();
    }

    @Test
    void aNulCharacterInAStoredTextIs422Not500() {
        Response tournament = node.http().post("/tournaments", new JsonObject().put("name", "cup\u0000")
                .put("mode", "connect_four").put("max_players", 4).put("format", "single_elimination")
                .put("starts_at", node.clock().instant().plusSeconds(600).toString()), player.token());
        assertThat(field(tournament)).isEqualTo("name");

        Response mute = node.http().post("/chat/mutes", new JsonObject().put("player_id", player.id())
                .put("duration_seconds", 60).put("reason", "spam\u0000"), moderator.token());
        assertThat(field(mute)).isEqualTo("reason");
        Response ban = node.http().post("/chat/bans", new JsonObject().put("player_id", player.id())
                .put("reason", "\u0000"), moderator.token());
        assertThat(field(ban)).isEqualTo("reason");
    }

    @Test
    void aNulCharacterOverTheSocketIsRefusedBeforeAnythingStoresIt() {
        try (WsClient c = WsClient.gateway(node.vertx(), node.arena().port(), player.token())) {
            c.send(WsClient.msg("chat.send", "room", "chat:general", "text", "hi\u0000there", "rid", "c1"));
            JsonObject error = c.await("error");
            assertThat(error.getString("code")).isEqualTo("bad_message");
            assertThat(error.getString("message")).contains("text").contains("NUL");
            c.send(WsClient.msg("match.input", "game_id", UUID.randomUUID().toString(), "rid", "i1",
                    "input", new JsonObject().put("say", "\u0000")));
            assertThat(c.await("error").getString("message")).contains("input.say");
        }
    }
}
