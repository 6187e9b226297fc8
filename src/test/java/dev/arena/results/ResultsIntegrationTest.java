package dev.arena.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.Json;
import dev.arena.match.GameCatalog;
import dev.arena.match.Replay;
import dev.arena.match.StoredLog;
import dev.arena.testing.ConnectFourGame.Played;
import dev.arena.testing.ConnectFourGame;
import dev.arena.testing.Eventually;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole result path on a real node and database: two registered players play connect_four over sockets;
 * the result is stored with its log, and the jobs update ratings, stats and the leaderboard.
 */
class ResultsIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    static Player register(String name) {
        return Player.of(node.register(name + "-" + UUID.randomUUID().toString().substring(0, 8), "password-1"));
    }

    static Played play(Player a, Player b) {
        return ConnectFourGame.play(node.http(), node.vertx(), node.arena().port(), a, b);
    }

    static JsonObject stats(Player p) {
        Response r = node.http().get("/players/" + p.id() + "/stats", p.token());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    static JsonObject awaitGames(Player p, int games) {
        return Eventually.until(() -> stats(p), s -> s.getInteger("games_played") == games
                        && s.getJsonArray("ratings").size() > 0
                        && s.getJsonArray("ratings").getJsonObject(0).getInteger("games") == games,
                "stats of " + p.id() + " at " + games + " games");
    }

    @Test
    void aPlayedMatchUpdatesRatingsStatsLeaderboardAndProfile() {
        Player a = register("alice");
        Player b = register("bob");
        Played game = play(a, b);

        JsonObject winner = awaitGames(game.winner(), 1);
        JsonObject loser = awaitGames(game.loser(), 1);
        assertThat(winner.getInteger("wins")).isEqualTo(1);
        assertThat(winner.getInteger("losses")).isZero();
        assertThat(loser.getInteger("losses")).isEqualTo(1);
        assertThat(winner.getDouble("rating")).isGreaterThan(1500.0);
        assertThat(loser.getDouble("rating")).isLessThan(1500.0);
        JsonObject mode = winner.getJsonArray("ratings").getJsonObject(0);
        assertThat(mode.getString("mode")).isEqualTo("connect_four");
        assertThat(mode.getDouble("deviation")).isLessThan(350.0);
        // Glicko-2 for one game between two unrated players: 1500 -> 1662.3 / 1337.7 with RD 290.3
        assertThat(winner.getDouble("rating")).isCloseTo(1662.3, org.assertj.core.data.Offset.offset(0.1));

        JsonObject board = node.http().get("/leaderboard/global?mode=connect_four&limit=10", a.token()).json();
        JsonArray entries = board.getJsonArray("entries");
        assertThat(board.getLong("total")).isGreaterThanOrEqualTo(2);
        JsonObject top = entries.stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("player_id").equals(game.winner().id())).findFirst().orElseThrow();
        assertThat(top.getDouble("rating")).isEqualTo(winner.getDouble("rating"));
        assertThat(top.getString("display_name")).startsWith(game.winner() == a ? "alice" : "bob");

        JsonObject around = node.http().get("/leaderboard/global/around/" + game.loser().id()
                + "?mode=connect_four&radius=1", a.token()).json();
        assertThat(around.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("player_id")))
                .contains(game.loser().id());

        JsonObject profile = node.http().get("/players/" + game.winner().id() + "/profile", a.token()).json();
        assertThat(profile.getLong("rank")).isNotNull();
        JsonObject recent = profile.getJsonArray("recent_games").getJsonObject(0);
        assertThat(recent.getString("game_id")).isEqualTo(game.gameId());
        assertThat(recent.getString("outcome")).isEqualTo("win");
        assertThat(recent.getString("mode")).isEqualTo("connect_four");
        // the one-query profile says exactly what the separate reads say
        assertThat(profile.getJsonObject("stats"))
                .isEqualTo(node.http().get("/players/" + game.winner().id() + "/stats", a.token()).json());
        assertThat(profile.getJsonObject("player"))
                .isEqualTo(node.http().get("/players/" + game.winner().id(), a.token()).json());
        assertThat(java.time.Instant.parse(recent.getString("finished_at"))).isNotNull();
        assertThat(recent.fieldNames()).containsExactlyInAnyOrder("game_id", "mode", "outcome", "finished_at");

        // a rename shows on the board at once: the board's names are cached per node and the rename drops them
        Player w = game.winner();
        assertThat(node.http().patch("/players/me", new JsonObject().put("display_name", "Renamed Winner"),
                w.token()).status()).isEqualTo(200);
        JsonObject renamed = node.http().get("/leaderboard/global?mode=connect_four&limit=10", a.token()).json();
        assertThat(renamed.getJsonArray("entries").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("player_id").equals(w.id())).findFirst().orElseThrow()
                .getString("display_name")).isEqualTo("Renamed Winner");
    }

    @Test
    void theReplayReproducesTheFinalState() {
        Player a = register("carol");
        Player b = register("dave");
        Played game = play(a, b);
        Response r = Eventually.until(() -> node.http().get("/games/" + game.gameId() + "/replay", a.token()),
                x -> x.status() == 200, "the stored replay");
        JsonObject replay = r.json();
        assertThat(replay.getString("mode")).isEqualTo("connect_four");
        assertThat(replay.getJsonObject("result").getString("reason")).isEqualTo("four_in_a_row");
        StoredLog log = Json.decode(replay.getJsonObject("log").encode(), StoredLog.class);
        // the game's events are regenerated for the viewer: the seven discs, each with its tick
        assertThat(log.entries().stream().filter(e -> e.kind().equals("event") && "disc".equals(e.data().get("type"))))
                .hasSize(7);
        Replay.Outcome<?> outcome = Replay.run(GameCatalog.load().require("connect_four"), log);
        assertThat(outcome.result()).isPresent();
        assertThat(outcome.result().get().winner().orElseThrow().toString()).isEqualTo(game.winner().id());
        assertThat(outcome.finalTick()).isEqualTo(log.finalTick());

        // a public game's replay is a public read (docs/SECURITY.md); a private one's is refused (the matrix)
        Player stranger = register("eve");
        assertThat(node.http().get("/games/" + game.gameId() + "/replay", stranger.token()).status())
                .isEqualTo(200);
        assertThat(node.http().get("/games/" + game.gameId() + "/replay").status()).isEqualTo(200);
        assertThat(node.http().get("/games/" + UUID.randomUUID() + "/replay", a.token()).status()).isEqualTo(404);
    }

    @Test
    void aRunningGameHasNoReplayYet() {
        Player a = register("frank");
        String id = node.http().post("/games/create", new JsonObject().put("mode", "connect_four"), a.token())
                .json().getString("game_id");
        Response r = node.http().get("/games/" + id + "/replay", a.token());
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void leaderboardQueriesAreValidated() {
        Player a = register("grace");
        assertThat(node.http().get("/leaderboard/global?mode=chess", a.token()).status()).isEqualTo(422);
        assertThat(node.http().get("/leaderboard/global?limit=0", a.token()).status()).isEqualTo(422);
        assertThat(node.http().get("/leaderboard/global?limit=x", a.token()).status()).isEqualTo(422);
        assertThat(node.http().get("/leaderboard/global?offset=-1", a.token()).status()).isEqualTo(422);
        assertThat(node.http().get("/leaderboard/global", null).status()).as("a public read").isEqualTo(200);
        assertThat(node.http().get("/leaderboard/global/around/" + a.id(), a.token()).status()).isEqualTo(404);
        JsonObject empty = node.http().get("/leaderboard/global?mode=arena_battle", a.token()).json();
        assertThat(empty.getString("mode")).isEqualTo("arena_battle");
    }
}
