package dev.arena.tournament;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.match.MatchId;
import dev.arena.match.MatchResult;
import dev.arena.results.FinishedMatch;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import dev.arena.tournament.TournamentDriver.Player;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tournaments on a real node and database: the lifecycle over HTTP, series and results through the result step
 * (twice, to show a redelivery advances nothing), no-shows, corrections with their audit, and bad input.
 */
class TournamentIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    static final TournamentDriver d = TournamentDriver.on(node);

    static List<String> fields(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(422);
        return r.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
    }

    @Test
    void singleEliminationBestOfThreeRunsToItsEndOnResultsAlone() {
        Player organiser = d.player();
        List<Player> players = d.players(6);
        String id = d.create(organiser, new JsonObject().put("format", "single_elimination").put("best_of", 3)
                .put("max_players", 8).put("third_place_match", true));
        d.registerAll(id, players);
        JsonObject started = d.start(id, organiser);
        assertThat(started.getString("status")).isEqualTo("running");

        // 6 players in a bracket of 8: seeds 1 and 2 have byes, 2 first-round pairings are played
        JsonObject bracket = d.bracket(id);
        assertThat(bracket.getString("format")).isEqualTo("single_elimination");
        JsonObject r1 = bracket.getJsonArray("rounds").getJsonObject(0);
        assertThat(r1.getInteger("round")).isEqualTo(1);
        assertThat(r1.getString("bracket")).isEqualTo("winners");
        assertThat(r1.getJsonArray("pairings").stream().map(p -> ((JsonObject) p).getString("state")))
                .containsExactly("bye", "ready", "bye", "ready");
        List<JsonObject> open = d.openMatches(id);
        assertThat(open).hasSize(2);

        // game 1 of W1-2: home wins; delivered twice, counted once
        JsonObject g1 = open.getFirst();
        FinishedMatch first = d.finished(g1, TournamentDriver.home(g1));
        d.deliver(first);
        d.deliver(first);
        JsonObject p = d.pairing(d.bracket(id), g1.getString("pairing_id"));
        assertThat(p.getJsonArray("scores")).containsExactly(1, 0);
        assertThat(p.getJsonArray("game_ids")).hasSize(2); // game 2 started
        assertThat(p.getString("state")).isEqualTo("ready");

        // a drawn game in elimination is replayed, not counted
        JsonObject g2 = d.openMatches(id).stream().filter(g -> g.getString("pairing_id").equals(g1.getString("pairing_id")))
                .findFirst().orElseThrow();
        assertThat(g2.getInteger("game_number")).isEqualTo(2);
        d.finish(g2, null);
        p = d.pairing(d.bracket(id), g1.getString("pairing_id"));
        assertThat(p.getJsonArray("scores")).containsExactly(1, 0);
        JsonObject g3 = d.openMatches(id).stream().filter(g -> g.getString("pairing_id").equals(g1.getString("pairing_id")))
                .findFirst().orElseThrow();
        assertThat(g3.getInteger("game_number")).isEqualTo(3);
        d.finish(g3, TournamentDriver.home(g3));
        d.deliver(first); // a late duplicate of game 1 changes nothing either
        p = d.pairing(d.bracket(id), g1.getString("pairing_id"));
        assertThat(p.getString("state")).isEqualTo("decided");
        assertThat(p.getJsonArray("scores")).containsExactly(2, 0);
        assertThat(p.getString("winner")).isEqualTo(g1.getJsonArray("players").getString(0));

        // the rest, home always winning: 5 played pairings + the third-place match, each 2-0
        int games = d.playOut(id);
        assertThat(games).as("results delivered after the first pairing").isEqualTo(2 * 5);
        JsonObject t = d.ok(d.get("/tournaments/" + id), 200).getJsonObject("tournament");
        assertThat(t.getString("status")).isEqualTo("completed");
        JsonObject board = d.ok(d.get("/tournaments/" + id + "/leaderboard"), 200);
        assertThat(board.getBoolean("complete")).isTrue();
        JsonArray standings = board.getJsonArray("standings");
        assertThat(standings).hasSize(6);
        assertThat(standings.getJsonObject(0).getInteger("place")).isEqualTo(1);
        assertThat(standings.getJsonObject(0).getInteger("seed")).isEqualTo(1);
        assertThat(standings.getJsonObject(0).getString("display_name")).startsWith("Guest-");
        assertThat(d.openMatches(id)).isEmpty();
        // the matches listing filters by round
        JsonArray round1 = d.ok(d.get("/tournaments/" + id + "/matches?round=1"), 200).getJsonArray("matches");
        assertThat(round1).hasSize(2 + 3); // W1-2: 3 games, W1-4: 2
        assertThat(round1.stream().map(o -> ((JsonObject) o).getInteger("round")).distinct()).containsExactly(1);
    }

    @Test
    void aPlayerWhoDoesNotShowLosesByWalkoverAtTheDeadline() {
        Player organiser = d.player();
        List<Player> players = d.players(4);
        String id = d.create(organiser, new JsonObject().put("format", "single_elimination").put("max_players", 4)
                .put("no_show_minutes", 3));
        d.registerAll(id, players);
        d.ok(d.post("/tournaments/" + id + "/start", new JsonObject().put("seed_order", new JsonArray(
                players.stream().map(p -> p.id().toString()).toList())), organiser), 200);
        List<JsonObject> open = d.openMatches(id);
        assertThat(open).hasSize(2);
        JsonObject w11 = open.stream().filter(g -> g.getString("pairing_id").equals("W1-1")).findFirst().orElseThrow();
        JsonObject w12 = open.stream().filter(g -> g.getString("pairing_id").equals("W1-2")).findFirst().orElseThrow();
        assertThat(w11.getString("deadline")).isEqualTo(d.now().plusSeconds(180).toString());
        // W1-1: seed 1 (home) sits down, seed 4 never comes; W1-2: nobody comes
        Player seed1 = players.get(0);
        assertThat(TournamentDriver.home(w11)).isEqualTo(seed1.id());
        d.ok(d.post("/games/" + w11.getString("game_id") + "/join", new JsonObject(), seed1), 200);

        node.clock().advance(Duration.ofMinutes(2));
        await(node.arena().tournaments().sweep());
        assertThat(d.openMatches(id)).as("before the deadline nothing happens").hasSize(2);

        node.clock().advance(Duration.ofMinutes(1));
        await(node.arena().tournaments().sweep());
        JsonObject bracket = d.bracket(id);
        JsonObject p11 = d.pairing(bracket, "W1-1");
        assertThat(p11.getString("state")).isEqualTo("decided");
        assertThat(p11.getString("walkover")).isEqualTo("away");
        assertThat(p11.getString("winner")).isEqualTo(seed1.id().toString());
        JsonObject p12 = d.pairing(bracket, "W1-2");
        assertThat(p12.getString("walkover")).as("both absent: the away side loses").isEqualTo("away");
        // the games were ended, and the final started with a fresh deadline
        d.awaitEnded(w11.getString("game_id"));
        List<JsonObject> finals = d.openMatches(id);
        assertThat(finals).hasSize(1);
        assertThat(finals.getFirst().getString("pairing_id")).isEqualTo("W2-1");
        assertThat(finals.getFirst().getString("deadline")).isEqualTo(d.now().plusSeconds(180).toString());
        // a result arriving for a walked-over game advances nothing
        d.finish(w12, TournamentDriver.away(w12));
        assertThat(d.pairing(d.bracket(id), "W1-2").getString("walkover")).isEqualTo("away");

        // both sit down in the final: the deadline passes without a walkover
        JsonObject fin = finals.getFirst();
        for (Player p : players) {
            if (fin.getJsonArray("players").contains(p.id().toString())) {
                d.ok(d.post("/games/" + fin.getString("game_id") + "/join", new JsonObject(), p), 200);
            }
        }
        node.clock().advance(Duration.ofMinutes(4));
        await(node.arena().tournaments().sweep());
        assertThat(d.pairing(d.bracket(id), "W2-1").getString("state")).isEqualTo("ready");
        JsonObject again = d.openMatches(id).getFirst();
        assertThat(again.getValue("deadline")).as("both came: no deadline any more").isNull();
        d.finish(again, TournamentDriver.away(again));
        assertThat(d.ok(d.get("/tournaments/" + id), 200).getJsonObject("tournament").getString("status"))
                .isEqualTo("completed");
    }

    @Test
    void aCorrectionResetsExactlyTheDependentPairingsAndIsAudited() {
        Player organiser = d.player();
        List<Player> players = d.players(8);
        String id = d.create(organiser, new JsonObject().put("format", "double_elimination").put("max_players", 8));
        d.registerAll(id, players);
        d.start(id, organiser);
        // play winners round 1 and 2 and losers round 1, home winning
        for (int i = 0; i < 3; i++) {
            for (JsonObject g : d.openMatches(id)) {
                String pid = g.getString("pairing_id");
                if (pid.startsWith("W1") || pid.startsWith("W2") || pid.startsWith("L1")) {
                    d.finish(g, TournamentDriver.home(g));
                }
            }
        }
        JsonObject before = d.bracket(id);
        assertThat(d.pairing(before, "W2-1").getString("state")).isEqualTo("decided");
        assertThat(d.pairing(before, "L1-1").getString("state")).isEqualTo("decided");
        String oldW21Game = d.pairing(before, "W2-1").getJsonArray("game_ids").getString(0);

        Player stranger = d.player();
        Response forbidden = d.post("/tournaments/" + id + "/pairings/W1-1/result",
                new JsonObject().put("home_wins", 0).put("away_wins", 1), stranger);
        assertThat(forbidden.status()).as("%s", forbidden).isEqualTo(403);

        // W1-1 now goes to the away player: W2-1 (its winner's next pairing) and L1-1 (its loser's) lose their
        // results, and so does everything decided downstream of them
        JsonObject corrected = d.ok(d.post("/tournaments/" + id + "/pairings/W1-1/result",
                new JsonObject().put("home_wins", 0).put("away_wins", 1).put("reason", "wrong result reported"),
                organiser), 200);
        assertThat(corrected.getString("winner")).isEqualTo(d.pairing(before, "W1-1").getJsonArray("players")
                .getString(1));
        JsonArray audit = d.ok(d.get("/tournaments/" + id + "/corrections"), 200).getJsonArray("corrections");
        assertThat(audit).hasSize(1);
        JsonObject a = audit.getJsonObject(0);
        assertThat(a.getString("pairing_id")).isEqualTo("W1-1");
        assertThat(a.getString("previous")).isEqualTo("1-0-0");
        assertThat(a.getString("corrected")).isEqualTo("0-1-0");
        assertThat(a.getString("reason")).isEqualTo("wrong result reported");
        assertThat(a.getString("corrected_by")).isEqualTo(organiser.id().toString());
        List<String> reset = a.getJsonArray("reset").stream().map(Object::toString).toList();
        assertThat(reset).contains("W2-1", "L1-1");

        JsonObject after = d.bracket(id);
        Map<String, String> stateBefore = states(before);
        Map<String, String> stateAfter = states(after);
        for (String pid : stateAfter.keySet()) {
            if (pid.equals("W1-1")) {
                continue;
            }
            boolean wasDecided = stateBefore.get(pid).equals("decided");
            boolean isDecided = stateAfter.get(pid).equals("decided");
            assertThat(wasDecided && !isDecided).as("%s lost its result", pid).isEqualTo(reset.contains(pid));
        }
        // the reset pairings play again with new games; the old ones no longer count
        JsonObject w21 = d.pairing(after, "W2-1");
        assertThat(w21.getString("state")).isEqualTo("ready");
        assertThat(w21.getJsonArray("scores")).containsExactly(0, 0);
        assertThat(w21.getJsonArray("game_ids")).contains(oldW21Game).hasSize(2);
        JsonArray matches = d.ok(d.get("/tournaments/" + id + "/matches?round=2"), 200).getJsonArray("matches");
        assertThat(matches.stream().map(o -> (JsonObject) o)
                .filter(m -> m.getString("game_id").equals(oldW21Game)).findFirst().orElseThrow()
                .getString("status")).isEqualTo("reset");

        // an organiser may enter the result of a pairing still being played; the event then finishes normally
        JsonObject ready = d.openMatches(id).getFirst();
        d.ok(d.post("/tournaments/" + id + "/pairings/" + ready.getString("pairing_id") + "/result",
                new JsonObject().put("walkover", "home"), organiser), 200);
        d.awaitEnded(ready.getString("game_id")); // its game was ended
        d.playOut(id);
        JsonObject done = d.ok(d.get("/tournaments/" + id), 200).getJsonObject("tournament");
        assertThat(done.getString("status")).isEqualTo("completed");
    }

    static Map<String, String> states(JsonObject bracket) {
        Map<String, String> out = new HashMap<>();
        for (Object r : bracket.getJsonArray("rounds")) {
            for (Object p : ((JsonObject) r).getJsonArray("pairings")) {
                out.put(((JsonObject) p).getString("pairing_id"), ((JsonObject) p).getString("state"));
            }
        }
        return out;
    }

    @Test
    void swissAndRoundRobinPairRoundByRound() {
        Player organiser = d.player();
        List<Player> players = d.players(5);
        String swiss = d.create(organiser, new JsonObject().put("format", "swiss").put("rounds", 3).put("max_players", 8));
        d.registerAll(swiss, players);
        d.start(swiss, organiser);
        assertThat(d.openMatches(swiss)).as("5 players: 2 games and a bye").hasSize(2);
        // draws count in Swiss
        for (JsonObject g : d.openMatches(swiss)) {
            d.finish(g, null);
        }
        JsonObject b = d.bracket(swiss);
        assertThat(b.getJsonArray("rounds")).hasSize(2);
        assertThat(d.pairing(b, "S1-1").getInteger("draws")).isEqualTo(1);
        d.playOut(swiss);
        JsonObject board = d.ok(d.get("/tournaments/" + swiss + "/leaderboard"), 200);
        assertThat(board.getBoolean("complete")).isTrue();
        assertThat(board.getJsonArray("standings").getJsonObject(0).getJsonObject("tiebreaks").fieldNames())
                .containsExactly("buchholz", "sonneborn_berger");

        String rr = d.create(organiser, new JsonObject().put("format", "round_robin").put("max_players", 4));
        d.registerAll(rr, players.subList(0, 4));
        d.start(rr, organiser);
        // every pairing is known from the start, but only round 1 is played first
        assertThat(d.bracket(rr).getJsonArray("rounds")).hasSize(3);
        List<JsonObject> open = d.openMatches(rr);
        assertThat(open).hasSize(2).allMatch(g -> g.getInteger("round") == 1);
        d.finish(open.get(0), TournamentDriver.home(open.get(0)));
        assertThat(d.openMatches(rr)).as("round 2 waits for round 1").hasSize(1);
        d.finish(open.get(1), TournamentDriver.home(open.get(1)));
        assertThat(d.openMatches(rr)).hasSize(2).allMatch(g -> g.getInteger("round") == 2);
        assertThat(d.playOut(rr)).isEqualTo(4);
        assertThat(d.ok(d.get("/tournaments/" + rr + "/leaderboard"), 200).getBoolean("complete")).isTrue();
    }

    @Test
    void checkInDecidesWhoPlaysAndTheStartComesByItselfAtStartsAt() {
        Player organiser = d.player();
        List<Player> players = d.players(4);
        String id = d.create(organiser, new JsonObject().put("format", "single_elimination")
                .put("check_in_minutes", 30).put("starts_at", d.now().plusSeconds(3600).toString()));
        d.registerAll(id, players);
        Response early = d.post("/tournaments/" + id + "/check-in", new JsonObject(), players.get(0));
        assertThat(early.status()).as("check-in not open yet: %s", early).isEqualTo(409);

        node.clock().advance(Duration.ofMinutes(31));
        await(node.arena().tournaments().sweep());
        assertThat(d.ok(d.get("/tournaments/" + id), 200).getJsonObject("tournament").getString("status"))
                .isEqualTo("checking_in");
        for (Player p : players.subList(0, 3)) {
            d.ok(d.post("/tournaments/" + id + "/check-in", new JsonObject(), d.fresh(p)), 204);
        }
        organiser = d.fresh(organiser);
        Player late = d.player();
        d.ok(d.post("/tournaments/" + id + "/register", new JsonObject(), late), 204);
        Response notRegistered = d.post("/tournaments/" + id + "/check-in", new JsonObject(), d.player());
        assertThat(notRegistered.status()).as("%s", notRegistered).isEqualTo(409);

        node.clock().advance(Duration.ofMinutes(30));
        await(node.arena().tournaments().sweep());
        JsonObject details = d.ok(d.get("/tournaments/" + id), 200);
        assertThat(details.getJsonObject("tournament").getString("status")).isEqualTo("running");
        long seeded = details.getJsonArray("players").stream().filter(p -> ((JsonObject) p).getValue("seed") != null)
                .count();
        assertThat(seeded).as("only the 3 who checked in play").isEqualTo(3);
        assertThat(d.openMatches(id)).hasSize(1);

        // a tournament nobody joined is cancelled at its start
        String empty = d.create(d.fresh(organiser), new JsonObject().put("format", "swiss").put("rounds", 2)
                .put("starts_at", d.now().plusSeconds(60).toString()));
        node.clock().advance(Duration.ofMinutes(2));
        await(node.arena().tournaments().sweep());
        assertThat(d.ok(d.get("/tournaments/" + empty), 200).getJsonObject("tournament").getString("status"))
                .isEqualTo("cancelled");
    }

    @Test
    void badInputAndUnauthorisedActionsAreRefused() {
        Player organiser = d.player();
        Player other = d.player();
        JsonObject bad = new JsonObject().put("name", "").put("format", "knockout").put("mode", "chess")
                .put("max_players", 1).put("best_of", 2).put("starts_at", "tomorrow").put("check_in_minutes", -1)
                .put("colour", "red");
        assertThat(fields(d.post("/tournaments", bad, organiser)))
                .contains("name", "format", "max_players", "best_of", "starts_at", "check_in_minutes", "colour");
        JsonObject base = new JsonObject().put("name", "x").put("mode", "connect_four").put("max_players", 4)
                .put("starts_at", d.now().plusSeconds(60).toString());
        assertThat(fields(d.post("/tournaments", base.copy().put("format", "swiss"), organiser)))
                .containsExactly("rounds");
        assertThat(fields(d.post("/tournaments", base.copy().put("format", "swiss").put("rounds", 4), organiser)))
                .containsExactly("rounds");
        assertThat(fields(d.post("/tournaments", base.copy().put("format", "round_robin").put("rounds", 2), organiser)))
                .containsExactly("rounds");
        assertThat(fields(d.post("/tournaments", base.copy().put("format", "swiss").put("rounds", "3"), organiser)))
                .containsExactly("rounds");
        assertThat(fields(d.post("/tournaments", base.copy().put("format", "round_robin")
                .put("third_place_match", true), organiser))).containsExactly("third_place_match");
        assertThat(fields(d.post("/tournaments", base.copy().put("format", "swiss").put("rounds", 2)
                .put("mode", "chess"), organiser))).containsExactly("mode");
        assertThat(node.http().post("/tournaments", "{\"name\":", organiser.token()).status()).isEqualTo(400);
        assertThat(d.post("/tournaments", base.copy().put("format", "swiss").put("rounds", 2), null).status())
                .isEqualTo(401);

        String id = d.create(organiser, new JsonObject().put("format", "single_elimination").put("max_players", 2));
        d.ok(d.post("/tournaments/" + id + "/register", new JsonObject(), organiser), 204);
        assertThat(d.post("/tournaments/" + id + "/register", new JsonObject(), organiser).status())
                .as("twice").isEqualTo(409);
        Response start = d.post("/tournaments/" + id + "/start", new JsonObject(), organiser);
        assertThat(start.status()).as("one player: %s", start).isEqualTo(409);
        d.ok(d.post("/tournaments/" + id + "/register", new JsonObject(), other), 204);
        Response full = d.post("/tournaments/" + id + "/register", new JsonObject(), d.player());
        assertThat(full.status()).as("full: %s", full).isEqualTo(409);
        assertThat(full.json().getString("detail")).contains("full");
        assertThat(d.post("/tournaments/" + id + "/start", new JsonObject(), other).status())
                .as("not the organiser").isEqualTo(403);
        assertThat(d.post("/tournaments/" + id + "/cancel", new JsonObject(), other).status()).isEqualTo(403);
        assertThat(fields(d.post("/tournaments/" + id + "/start", new JsonObject().put("seed_order",
                new JsonArray().add(organiser.id().toString())), organiser))).containsExactly("seed_order");
        assertThat(fields(d.post("/tournaments/" + id + "/start", new JsonObject().put("seed_order", "x"),
                organiser))).containsExactly("seed_order");
        // an admin may act for the organiser
        Player admin = d.admin();
        d.ok(d.post("/tournaments/" + id + "/start", new JsonObject(), admin), 200);
        assertThat(d.post("/tournaments/" + id + "/register", new JsonObject(), d.player()).status())
                .as("closed").isEqualTo(409);
        assertThat(d.post("/tournaments/" + id + "/unregister", new JsonObject(), other).status()).isEqualTo(409);
        assertThat(d.post("/tournaments/" + id + "/start", new JsonObject(), organiser).status())
                .as("already running").isEqualTo(409);

        assertThat(fields(d.post("/tournaments/" + id + "/pairings/W1-1/result", new JsonObject()
                .put("home_wins", 1), organiser))).containsExactly("away_wins");
        assertThat(fields(d.post("/tournaments/" + id + "/pairings/W1-1/result", new JsonObject()
                .put("home_wins", 1).put("away_wins", 1), organiser))).containsExactly("result");
        assertThat(fields(d.post("/tournaments/" + id + "/pairings/W1-1/result", new JsonObject()
                .put("walkover", "nobody"), organiser))).containsExactly("walkover");
        assertThat(fields(d.post("/tournaments/" + id + "/pairings/w1-1/result", new JsonObject()
                .put("walkover", "home"), organiser))).containsExactly("pairing_id");
        assertThat(d.post("/tournaments/" + id + "/pairings/W9-9/result", new JsonObject()
                .put("walkover", "home"), organiser).status()).isEqualTo(404);
        assertThat(d.post("/tournaments/" + id + "/pairings/W1-1/result", new JsonObject()
                .put("walkover", "home"), other).status()).isEqualTo(403);

        assertThat(d.get("/tournaments/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(d.get("/tournaments/" + UUID.randomUUID() + "/bracket").status()).isEqualTo(404);
        assertThat(fields(d.get("/tournaments/not-a-uuid"))).containsExactly("tournament_id");
        assertThat(fields(d.get("/tournaments?status=done"))).containsExactly("status");
        assertThat(fields(d.get("/tournaments/" + id + "/matches?round=zero"))).containsExactly("round");
        assertThat(d.post("/tournaments/" + UUID.randomUUID() + "/register", new JsonObject(), other).status())
                .isEqualTo(404);

        d.ok(d.post("/tournaments/" + id + "/cancel", new JsonObject(), organiser), 200);
        assertThat(d.post("/tournaments/" + id + "/cancel", new JsonObject(), organiser).status()).isEqualTo(409);
        assertThat(d.openMatches(id)).as("cancelling ends the games").isEmpty();
        JsonArray listed = d.ok(d.get("/tournaments?status=cancelled"), 200).getJsonArray("tournaments");
        assertThat(listed.stream().map(o -> ((JsonObject) o).getString("tournament_id"))).contains(id);
    }

    @Test
    void resultsOfGamesThatAreNotTournamentGamesAreIgnored() {
        FinishedMatch other = new FinishedMatch(MatchId.random(), "connect_four", MatchResult.abandoned("empty"),
                d.now());
        // succeeds (the pipeline would retry a failure for ever) and touches nothing
        d.deliver(other);
        assertThat(await(node.arena().tournaments().list(null))).allMatch(t -> t.version() >= 0);
    }
}
