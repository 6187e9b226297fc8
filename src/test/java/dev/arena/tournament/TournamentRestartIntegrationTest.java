package dev.arena.tournament;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.MutableClock;
import dev.arena.testing.TestDatabases;
import dev.arena.testing.TestNode;
import dev.arena.tournament.TournamentDriver.Player;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node stops in the middle of a tournament and a new one starts on the same database: the bracket, results,
 * corrections and no-show deadlines are as they were; the games lost with the old process are replaced; the event
 * runs on to its end.
 */
class TournamentRestartIntegrationTest {

    @Test
    void aNewNodeOnTheSameDatabaseContinuesWhereTheOldOneStopped() {
        MutableClock clock = new MutableClock();
        Map<String, String> env = Map.of("ARENA_DATABASE_URL",
                TestDatabases.asUrl(TestDatabases.fresh(TournamentRestartIntegrationTest.class)),
                "ARENA_TOKEN_SECRET", TestNode.TOKEN_SECRET);
        String id;
        JsonObject before;
        List<JsonObject> openBefore;
        Player organiser;
        TournamentDriver d;
        try (TestNode first = TestNode.start(env, clock)) {
            d = new TournamentDriver(first);
            organiser = d.player();
            List<Player> players = d.players(8);
            id = d.create(organiser, new JsonObject().put("format", "single_elimination").put("max_players", 8)
                    .put("no_show_minutes", 10));
            d.registerAll(id, players);
            d.start(id, organiser);
            List<JsonObject> round1 = d.openMatches(id);
            assertThat(round1).hasSize(4);
            for (JsonObject g : round1.subList(0, 3)) {
                d.finish(g, TournamentDriver.home(g));
            }
            // W1-1 and W1-2 are decided, so W2-1 is being played; the organiser turns W1-1 around
            d.ok(d.post("/tournaments/" + id + "/pairings/W1-1/result",
                    new JsonObject().put("home_wins", 0).put("away_wins", 1), organiser), 200);
            clock.advance(Duration.ofMinutes(4));
            before = d.bracket(id);
            openBefore = d.openMatches(id);
            assertThat(openBefore).extracting(g -> g.getString("pairing_id")).containsExactlyInAnyOrder("W1-4", "W2-1");
        }

        clock.advance(Duration.ofMinutes(1));
        try (TestNode second = TestNode.start(env, clock)) {
            d.use(second);
            JsonObject after = d.bracket(id);
            assertThat(after.getLong("version")).as("every update counted").isGreaterThan(before.getLong("version"));
            assertThat(after.getJsonArray("rounds").size()).isEqualTo(before.getJsonArray("rounds").size());
            for (String pid : List.of("W1-1", "W1-2", "W1-3", "W1-4", "W2-1", "W2-2", "W3-1")) {
                JsonObject was = d.pairing(before, pid);
                JsonObject is = d.pairing(after, pid);
                assertThat(is.getString("state")).as(pid).isEqualTo(was.getString("state"));
                assertThat(is.getJsonArray("players")).as(pid).isEqualTo(was.getJsonArray("players"));
                assertThat(is.getValue("winner")).as(pid).isEqualTo(was.getValue("winner"));
                assertThat(is.getJsonArray("scores")).as(pid).isEqualTo(was.getJsonArray("scores"));
            }
            assertThat(d.pairing(after, "W1-1").getJsonArray("scores")).containsExactly(0, 1);
            assertThat(d.ok(d.get("/tournaments/" + id + "/corrections"), 200).getJsonArray("corrections")).hasSize(1);

            // the games that ran in the old process are void and replaced, keeping their no-show deadlines
            List<JsonObject> open = d.openMatches(id);
            assertThat(open).extracting(g -> g.getString("pairing_id")).containsExactlyInAnyOrder("W1-4", "W2-1");
            for (JsonObject g : open) {
                JsonObject old = openBefore.stream().filter(o -> o.getString("pairing_id")
                        .equals(g.getString("pairing_id"))).findFirst().orElseThrow();
                assertThat(g.getString("game_id")).isNotEqualTo(old.getString("game_id"));
                assertThat(g.getInteger("game_number")).isEqualTo(old.getInteger("game_number") + 1);
                assertThat(g.getString("deadline")).isEqualTo(old.getString("deadline"));
            }
            assertThat(d.ok(d.get("/tournaments/" + id + "/matches?round=1"), 200).getJsonArray("matches").stream()
                    .map(o -> ((JsonObject) o).getString("status"))).contains("void");

            // W2-1's deadline passes with nobody seated: a walkover, decided on the new node
            JsonObject w21 = open.stream().filter(g -> g.getString("pairing_id").equals("W2-1")).findFirst()
                    .orElseThrow();
            clock.advance(Duration.ofMinutes(6));
            await(second.arena().tournaments().sweep());
            assertThat(d.pairing(d.bracket(id), "W2-1").getString("walkover")).isEqualTo("away");
            d.awaitEnded(w21.getString("game_id"));

            d.playOut(id);
            JsonObject t = d.ok(d.get("/tournaments/" + id), 200).getJsonObject("tournament");
            assertThat(t.getString("status")).isEqualTo("completed");
            assertThat(d.ok(d.get("/tournaments/" + id + "/leaderboard"), 200).getJsonArray("standings")).hasSize(8);
        }
    }
}
