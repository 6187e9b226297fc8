package dev.arena.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.MutableClock;
import dev.arena.testing.Player;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A game cut short by a node's shutdown is stored as abandoned with its players, and a later node serves it from
 * storage: its state (to anybody: it was a public game; a private one stays hidden, as the authorisation matrix
 * checks), and in their recent games.
 */
class StoredMatchesIntegrationTest {

    static Map<String, String> env(String db) {
        return Map.of("ARENA_DATABASE_URL", db, "ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET);
    }

    @Test
    void aGameAbandonedAtShutdownIsReadFromStorageAfterTheRestart() {
        String db = TestDatabases.asUrl(TestDatabases.fresh(StoredMatchesIntegrationTest.class));
        Player a;
        Player b;
        String id;
        try (TestNode first = TestNode.start(env(db), new MutableClock())) {
            a = Player.of(first.register("keep-" + UUID.randomUUID().toString().substring(0, 8), "password-1"));
            b = Player.of(first.register("keep-" + UUID.randomUUID().toString().substring(0, 8), "password-1"));
            id = first.http().post("/games/create", new JsonObject().put("mode", "connect_four"), a.token())
                    .json().getString("game_id");
            assertThat(first.http().post("/games/" + id + "/join", null, b.token()).status()).isEqualTo(200);
        } // shutdown: the waiting game ends as abandoned ("shutdown") and is stored before the node stops

        try (TestNode second = TestNode.start(env(db), new MutableClock())) {
            JsonObject state = second.http().get("/games/" + id + "/state", b.token()).json();
            assertThat(state.getString("status")).isEqualTo("finished");
            assertThat(state.getJsonObject("result").getJsonObject("outcome").getString("type"))
                    .isEqualTo("abandoned");
            assertThat(state.getJsonObject("result").getString("reason")).isEqualTo("shutdown");
            assertThat(state.getJsonArray("players").stream().map(p -> ((JsonObject) p).getString("player")))
                    .containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(state.getValue("private")).isNull();

            Player stranger = Player.of(second.register("other-" + UUID.randomUUID().toString().substring(0, 8),
                    "password-1"));
            assertThat(second.http().get("/games/" + id + "/state", stranger.token()).status()).isEqualTo(200);
            assertThat(second.http().get("/games/" + id + "/state").status()).isEqualTo(200);
            assertThat(second.http().get("/games/" + id + "/replay", a.token()).json().getJsonObject("log")
                    .getJsonArray("entries").size()).isGreaterThanOrEqualTo(2);

            JsonObject recent = second.http().get("/players/" + a.id() + "/profile", a.token()).json()
                    .getJsonArray("recent_games").getJsonObject(0);
            assertThat(recent.getString("game_id")).isEqualTo(id);
            assertThat(recent.getString("outcome")).isEqualTo("abandoned");
            // abandoned games are neither rated nor counted
            assertThat(second.http().get("/players/" + a.id() + "/stats", a.token()).json().getInteger("games_played"))
                    .isZero();
        }
    }
}
