package dev.arena.app;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import dev.arena.match.MatchId;
import dev.arena.match.MatchResult;
import dev.arena.results.FinishedMatch;
import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.MutableClock;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tournaments on a cluster: a game runs on the node that created it, yet every node's sweep judges its no-show
 * deadline (asking that node who sat down), and once that node is dead a live node replaces its games. The
 * tournament clock is the nodes' shared {@link MutableClock}; node death is noticed by Redis's real TTL (2 s).
 */
class TournamentClusterIntegrationTest {
    private static final MutableClock clock = new MutableClock();
    @RegisterExtension
    static final TestCluster cluster = new TestCluster("tc", clock);

    static Player player() {
        var auth = await(cluster.node1().identity().guest("device-" + UUID.randomUUID()));
        return Player.of(auth);
    }

    static Http http(ArenaNode node) {
        return new Http(URI.create("http://127.0.0.1:" + node.port()));
    }

    static JsonObject ok(Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        return r.body().isEmpty() ? new JsonObject() : r.json();
    }

    /** A single elimination of {@code players} (best of 1), created, filled and started on {@code on}. */
    static String started(ArenaNode on, Player organiser, List<Player> players, int noShowMinutes) {
        JsonObject body = new JsonObject().put("name", "Cluster cup").put("format", "single_elimination")
                .put("mode", "connect_four").put("max_players", 8).put("best_of", 1).put("check_in_minutes", 0)
                .put("no_show_minutes", noShowMinutes)
                .put("starts_at", clock.instant().plusSeconds(3600).toString());
        String id = ok(http(on).post("/tournaments", body, organiser.token()), 201).getString("tournament_id");
        for (Player p : players) {
            ok(http(on).post("/tournaments/" + id + "/register", new JsonObject(), p.token()), 204);
        }
        ok(http(on).post("/tournaments/" + id + "/start", new JsonObject(), organiser.token()), 200);
        return id;
    }

    static List<JsonObject> games(ArenaNode via, String id) {
        JsonArray ms = ok(http(via).get("/tournaments/" + id + "/matches"), 200).getJsonArray("matches");
        return ms.stream().map(o -> (JsonObject) o).toList();
    }

    static List<JsonObject> open(ArenaNode via, String id) {
        return games(via, id).stream().filter(g -> g.getString("status").equals("open")).toList();
    }

    static JsonObject pairing(ArenaNode via, String id, String pairingId) {
        JsonObject bracket = ok(http(via).get("/tournaments/" + id + "/bracket"), 200);
        for (Object r : bracket.getJsonArray("rounds")) {
            for (Object p : ((JsonObject) r).getJsonArray("pairings")) {
                if (((JsonObject) p).getString("pairing_id").equals(pairingId)) {
                    return (JsonObject) p;
                }
            }
        }
        throw new AssertionError("no pairing " + pairingId + " in " + bracket.encodePrettily());
    }

    /** The node that runs the game, asked by one of its players (tournament games are private). */
    static String ownerOf(ArenaNode via, JsonObject game, List<Player> players) {
        Player asker = players.stream().filter(p -> p.id().equals(game.getJsonArray("players").getString(0)))
                .findFirst().orElseThrow();
        return ok(http(via).get("/games/" + game.getString("game_id") + "/state", asker.token()), 200)
                .getString("owner_node");
    }

    /** The game's home player wins, delivered through the tournament result step of {@code on}. */
    static void homeWins(ArenaNode on, JsonObject game) {
        PlayerId home = new PlayerId(UUID.fromString(game.getJsonArray("players").getString(0)));
        PlayerId away = new PlayerId(UUID.fromString(game.getJsonArray("players").getString(1)));
        MatchResult result = MatchResult.ranked(List.of(new MatchResult.Standing(home, 1, 1),
                new MatchResult.Standing(away, 2, 0)), "four_in_a_row");
        await(on.tournamentResults().apply(new FinishedMatch(new MatchId(UUID.fromString(game.getString("game_id"))),
                "connect_four", result, clock.instant())));
    }

    static String status(ArenaNode via, String id) {
        return ok(http(via).get("/tournaments/" + id), 200).getJsonObject("tournament").getString("status");
    }

    @Test
    void theGamesOfACrashedNodeAreReplacedByALiveNodeAndTheEventGoesOn() throws Exception {
        ArenaNode doomed = cluster.node("tc3");
        Player organiser = player();
        List<Player> players = List.of(player(), player(), player(), player());
        String id = started(doomed, organiser, players, 30);
        List<JsonObject> before = open(cluster.node1(), id);
        assertThat(before).hasSize(2);
        for (JsonObject g : before) {
            assertThat(ownerOf(cluster.node1(), g, players))
                    .isEqualTo(doomed.config().nodeId());
        }
        JsonObject w11 = before.stream().filter(g -> g.getString("pairing_id").equals("W1-1")).findFirst()
                .orElseThrow();
        Player home = players.stream().filter(p -> p.id().equals(w11.getJsonArray("players").getString(0)))
                .findFirst().orElseThrow();

        // the deadlines (30 min after the start) are still ahead; the clock moves before the socket opens (the
        // gateway's idle check reads the same clock)
        clock.advance(Duration.ofMinutes(3));
        try (WsClient homeSocket = WsClient.gateway(cluster.vertx(), cluster.node2().port(), home.token())) {
            doomed.crash(); // no heartbeats, no results of its games: the others notice within the TTL

            Set<String> oldIds = before.stream().map(g -> g.getString("game_id")).collect(Collectors.toSet());
            List<JsonObject> after = Eventually.until(() -> open(cluster.node1(), id),
                    gs -> gs.size() == 2 && gs.stream().noneMatch(g -> oldIds.contains(g.getString("game_id"))),
                    Duration.ofSeconds(30), "the crashed node's games replaced");
            Set<String> live = Set.of(cluster.node1().config().nodeId(), cluster.node2().config().nodeId());
            for (JsonObject g : after) {
                JsonObject old = before.stream().filter(o -> o.getString("pairing_id")
                        .equals(g.getString("pairing_id"))).findFirst().orElseThrow();
                assertThat(g.getInteger("game_number")).isEqualTo(2);
                assertThat(g.getString("deadline")).as("a deadline still ahead is kept")
                        .isEqualTo(old.getString("deadline"));
                assertThat(ownerOf(cluster.node2(), g, players)).isIn(live);
            }
            // each lost game voided and replaced once, although both live nodes sweep
            List<JsonObject> all = games(cluster.node2(), id);
            assertThat(all).hasSize(4);
            assertThat(all.stream().filter(g -> g.getString("status").equals("void"))
                    .map(g -> g.getString("game_id"))).containsExactlyInAnyOrderElementsOf(oldIds);

            // the player hears of the new game in their private room, on the node they are connected to
            String newW11 = after.stream().filter(g -> g.getString("pairing_id").equals("W1-1")).findFirst()
                    .orElseThrow().getString("game_id");
            JsonObject ready = homeSocket.await(m -> m.getString("type").equals("room.message")
                    && m.getJsonObject("data").getString("type").equals("tournament.match_ready")
                    && m.getJsonObject("data").getString("game_id").equals(newW11), "match_ready of the new game");
            assertThat(ready.getString("room")).isEqualTo("user:" + home.id());
        }

        // played on the live nodes, the bracket advances to the final and the event ends
        for (JsonObject g : open(cluster.node1(), id)) {
            homeWins(cluster.node2(), g);
        }
        List<JsonObject> finals = open(cluster.node1(), id);
        assertThat(finals).extracting(g -> g.getString("pairing_id")).containsExactly("W2-1");
        homeWins(cluster.node1(), finals.getFirst());
        assertThat(status(cluster.node2(), id)).isEqualTo("completed");
    }

    @Test
    void aNoShowDeadlineOfOneNodesGameIsJudgedByAnotherNodesSweep() throws Exception {
        ArenaNode owner = cluster.node("tc4");
        owner.stopTournamentSweep(); // the owner never judges: only the other nodes' sweeps can
        Player organiser = player();
        List<Player> players = List.of(player(), player());
        String id = started(owner, organiser, players, 5);
        JsonObject game = open(cluster.node2(), id).getFirst();
        String gameId = game.getString("game_id");
        assertThat(ownerOf(cluster.node2(), game, players)).isEqualTo(owner.config().nodeId());
        // only the away player (the lower seed, who would lose if nobody were seated) sits down, through node 2:
        // judging needs the owner's word on who sat
        String awayId = game.getJsonArray("players").getString(1);
        Player away = players.stream().filter(p -> p.id().equals(awayId)).findFirst().orElseThrow();
        ok(http(cluster.node2()).post("/games/" + gameId + "/join", null, away.token()), 200);

        clock.advance(Duration.ofMinutes(4));
        await(cluster.node2().tournaments().sweep());
        assertThat(open(cluster.node2(), id)).as("deadline not reached yet").hasSize(1);

        clock.advance(Duration.ofMinutes(2));
        await(cluster.node2().tournaments().sweep());
        JsonObject w11 = pairing(cluster.node1(), id, "W1-1");
        assertThat(w11.getString("walkover")).isEqualTo("home");
        assertThat(w11.getString("winner")).isEqualTo(awayId);
        assertThat(status(cluster.node1(), id)).isEqualTo("completed");
        assertThat(games(cluster.node1(), id)).singleElement()
                .satisfies(g -> assertThat(g.getString("status")).isEqualTo("walkover"));
        // the game itself is ended on its node, at the sweeping node's request
        MatchId mid = new MatchId(UUID.fromString(gameId));
        Eventually.until(() -> owner.httpServices().matches().live(mid).isPresent(), running -> !running,
                "the walked-over game stopped on its node");
        // a second sweep, on any node, finds nothing left to do
        await(cluster.node1().tournaments().sweep());
        assertThat(games(cluster.node1(), id)).hasSize(1);
    }
}
