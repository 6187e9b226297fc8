package dev.arena.tournament;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import dev.arena.identity.AuthResult;
import dev.arena.match.MatchId;
import dev.arena.match.MatchResult;
import dev.arena.results.FinishedMatch;
import dev.arena.testing.Eventually;
import dev.arena.testing.Futures;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Response;
import dev.arena.testing.TestNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Drives tournaments on a real node for tests: players (guest accounts), the HTTP API, and game results delivered
 * through the tournament {@code ResultStep} exactly as the results pipeline delivers them.
 */
final class TournamentDriver {
    record Player(String token, UUID id, String device) {}

    private Supplier<TestNode> node;

    TournamentDriver(TestNode node) {
        this.node = () -> node;
    }

    private TournamentDriver(Supplier<TestNode> node) {
        this.node = node;
    }

    /**
     * The driver of a class's {@link NodeFixture}, as a static field beside it: the node is looked up on each use,
     * so the driver needs no {@code @BeforeAll} of its own.
     */
    static TournamentDriver on(NodeFixture fixture) {
        return new TournamentDriver(fixture::testNode);
    }

    /** The same players and tournaments against another node (a restart on the same database). */
    void use(TestNode other) {
        node = () -> other;
    }

    TestNode node() {
        return node.get();
    }

    Player player() {
        String device = "device-" + UUID.randomUUID();
        AuthResult auth = await(node().arena().identity().guest(device));
        return new Player(auth.token(), auth.player().id(), device);
    }

    List<Player> players(int n) {
        List<Future<AuthResult>> all = new ArrayList<>();
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            devices.add("device-" + UUID.randomUUID());
            all.add(node().arena().identity().guest(devices.get(i)));
        }
        List<Player> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AuthResult a = await(all.get(i));
            out.add(new Player(a.token(), a.player().id(), devices.get(i)));
        }
        return out;
    }

    /** The same player with a new token (tests that move the clock past the token lifetime). */
    Player fresh(Player p) {
        if (p.device() == null) {
            throw new IllegalArgumentException("only guests can be refreshed here");
        }
        return new Player(await(node().arena().identity().guest(p.device())).token(), p.id(), p.device());
    }

    Player admin() {
        var p = await(node().arena().identity().createPrivileged("admin-" + UUID.randomUUID().toString().substring(0, 8),
                "admin-password", dev.arena.identity.Role.ADMIN));
        var login = await(node().arena().identity().login(p.username(), "admin-password", "127.0.0.1"));
        return new Player(login.token(), p.id(), null);
    }

    Response post(String path, JsonObject body, Player as) {
        return node().http().post(path, body, as == null ? null : as.token());
    }

    Response get(String path) {
        return node().http().get(path);
    }

    JsonObject ok(Response r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        return r.body().isEmpty() ? new JsonObject() : r.json();
    }

    /** A tournament starting in an hour, without check-in unless the body says otherwise. */
    String create(Player organiser, JsonObject body) {
        JsonObject b = new JsonObject().put("name", "Cup").put("mode", "connect_four").put("max_players", 64)
                .put("best_of", 1).put("starts_at", node().clock().instant().plusSeconds(3600).toString())
                .put("check_in_minutes", 0);
        b.mergeIn(body);
        return ok(post("/tournaments", b, organiser), 201).getString("tournament_id");
    }

    void registerAll(String id, List<Player> players) {
        List<Future<Void>> all = new ArrayList<>();
        for (Player p : players) {
            all.add(node().arena().tournaments().register(UUID.fromString(id), p.id()));
        }
        all.forEach(Futures::await);
    }

    JsonObject start(String id, Player organiser) {
        return ok(post("/tournaments/" + id + "/start", new JsonObject(), organiser), 200);
    }

    JsonObject bracket(String id) {
        return ok(get("/tournaments/" + id + "/bracket"), 200);
    }

    /** The open games, from {@code GET /tournaments/{id}/matches}. */
    List<JsonObject> openMatches(String id) {
        JsonArray ms = ok(get("/tournaments/" + id + "/matches"), 200).getJsonArray("matches");
        List<JsonObject> out = new ArrayList<>();
        for (Object o : ms) {
            JsonObject m = (JsonObject) o;
            if (m.getString("status").equals("open")) {
                out.add(m);
            }
        }
        return out;
    }

    /** Delivers a game's result through the tournament result step; {@code winner} null for a draw. */
    void finish(JsonObject game, UUID winner) {
        deliver(finished(game, winner));
    }

    void deliver(FinishedMatch m) {
        await(node().arena().tournamentResults().apply(m));
    }

    FinishedMatch finished(JsonObject game, UUID winner) {
        List<UUID> players = game.getJsonArray("players").stream().map(o -> UUID.fromString((String) o)).toList();
        MatchResult result;
        if (winner == null) {
            result = MatchResult.ranked(List.of(new MatchResult.Standing(new PlayerId(players.get(0)), 1, 0),
                    new MatchResult.Standing(new PlayerId(players.get(1)), 1, 0)), "board_full");
        } else {
            UUID loser = players.get(0).equals(winner) ? players.get(1) : players.get(0);
            result = MatchResult.ranked(List.of(new MatchResult.Standing(new PlayerId(winner), 1, 1),
                    new MatchResult.Standing(new PlayerId(loser), 2, 0)), "four_in_a_row");
        }
        return new FinishedMatch(new MatchId(UUID.fromString(game.getString("game_id"))), "connect_four", result,
                node().clock().instant());
    }

    static UUID home(JsonObject game) {
        return UUID.fromString(game.getJsonArray("players").getString(0));
    }

    static UUID away(JsonObject game) {
        return UUID.fromString(game.getJsonArray("players").getString(1));
    }

    /** Plays every open game, home winning, until nothing is open; returns how many results were delivered. */
    int playOut(String id) {
        int n = 0;
        for (List<JsonObject> open = openMatches(id); !open.isEmpty(); open = openMatches(id)) {
            for (JsonObject g : open) {
                finish(g, home(g));
                n++;
            }
        }
        return n;
    }

    JsonObject pairing(JsonObject bracket, String pairingId) {
        for (Object r : bracket.getJsonArray("rounds")) {
            for (Object p : ((JsonObject) r).getJsonArray("pairings")) {
                if (((JsonObject) p).getString("pairing_id").equals(pairingId)) {
                    return (JsonObject) p;
                }
            }
        }
        throw new AssertionError("no pairing " + pairingId + " in " + bracket.encodePrettily());
    }

    /** Waits (bounded) until the game's loop has ended: stopping a match takes effect at its next tick. */
    void awaitEnded(String gameId) {
        MatchId id = new MatchId(UUID.fromString(gameId));
        Eventually.until(() -> node().arena().httpServices().matches().live(id).isPresent(), live -> !live,
                Duration.ofSeconds(10), "game " + gameId + " to stop running");
    }

    Instant now() {
        return node().clock().instant();
    }
}
