package dev.arena.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.testing.Eventually;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.WsClient;
import dev.arena.tournament.TournamentDriver.Player;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tournaments seen live: the update stream during a whole simulated event, on both ways in
 * ({@code WS /tournaments/{id}/updates} and the {@code tournament:{id}} room on {@code /ws}; versions run without
 * gaps and end at the stored version), and an event played end to end with real matches: players on the gateway
 * are told of their games, play connect_four, and each finished match goes through the results pipeline (stored,
 * then the tournament job) until the bracket has a champion.
 */
class TournamentLiveIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();
    static final TournamentDriver d = TournamentDriver.on(node);

    @Test
    void aWholeDoubleEliminationEventStreamsEveryChangeWithConsecutiveVersions() {
        Player organiser = d.player();
        List<Player> players = d.players(6);
        String id = d.create(organiser, new JsonObject().put("format", "double_elimination").put("max_players", 8));
        d.registerAll(id, players.subList(0, 5));

        try (WsClient updates = WsClient.connect(node.vertx(), node.arena().port(),
                "/tournaments/" + id + "/updates?token=" + organiser.token());
             WsClient gateway = WsClient.gateway(node.vertx(), node.arena().port(), players.get(5).token());
             WsClient seed1 = WsClient.gateway(node.vertx(), node.arena().port(), players.get(0).token())) {
            gateway.welcome();
            seed1.welcome();
            WsClient.join(gateway, "tournament:" + id);
            // one more registration, then the whole event
            d.ok(d.post("/tournaments/" + id + "/register", new JsonObject(), players.get(5)), 204);
            d.start(id, organiser);
            d.playOut(id);

            JsonObject finished = updates.await("tournament.finished");
            long last = d.ok(d.get("/tournaments/" + id), 200).getJsonObject("tournament").getLong("version");
            assertThat(finished.getLong("version")).isEqualTo(last);

            List<JsonObject> stream = new ArrayList<>();
            for (Object o : updates.all()) {
                stream.add((JsonObject) o);
            }
            stream.add(finished);
            stream.sort((a, b) -> Long.compare(a.getLong("version"), b.getLong("version")));
            long first = stream.getFirst().getLong("version");
            for (int i = 0; i < stream.size(); i++) {
                assertThat(stream.get(i).getLong("version")).as("no gap at %s", stream.get(i)).isEqualTo(first + i);
                assertThat(stream.get(i).getString("tournament_id")).isEqualTo(id);
            }
            assertThat(stream.getFirst().getString("type")).isEqualTo("tournament.player_registered");
            assertThat(stream.getFirst().getInteger("player_count")).isEqualTo(6);
            List<String> types = stream.stream().map(o -> o.getString("type")).distinct().toList();
            assertThat(types).contains("tournament.status", "tournament.bracket_changed", "tournament.match_started",
                    "tournament.match_finished", "tournament.round_advanced", "tournament.finished");
            long started = stream.stream().filter(o -> o.getString("type").equals("tournament.match_started")).count();
            long ended = stream.stream().filter(o -> o.getString("type").equals("tournament.match_finished")).count();
            assertThat(started).as("6 players: 2·6−2 or 2·6−1 games").isBetween(10L, 11L);
            assertThat(ended).isEqualTo(started);
            assertThat(stream.stream().filter(o -> o.getString("type").equals("tournament.round_advanced"))
                    .map(o -> o.getString("bracket")).distinct()).contains("winners", "losers", "final");

            // the same updates, in the same order, reach the gateway socket as room.message of the topic room
            JsonObject lastOnGateway = gateway.await(m -> m.getString("type").equals("room.message")
                    && m.getJsonObject("data").getString("type").equals("tournament.finished"), "finished");
            assertThat(lastOnGateway.getString("room")).isEqualTo("tournament:" + id);
            assertThat(lastOnGateway.getString("from")).isEqualTo(id);
            assertThat(lastOnGateway.getJsonObject("data").getLong("version")).isEqualTo(last);
            List<Long> onGateway = gateway.drain("room.message").stream()
                    .filter(m -> m.getString("room").equals("tournament:" + id))
                    .map(m -> m.getJsonObject("data").getLong("version")).toList();
            assertThat(onGateway).isSorted().hasSize(stream.size() - 1);

            // each player hears of their own games in their private room
            JsonObject ready = seed1.await(m -> m.getString("type").equals("room.message")
                    && m.getString("room").equals("user:" + players.get(0).id()), "match_ready");
            JsonObject data = ready.getJsonObject("data");
            assertThat(data.getString("type")).isEqualTo("tournament.match_ready");
            assertThat(data.getString("tournament_id")).isEqualTo(id);
            assertThat(data.getString("game_id")).isNotNull();
            assertThat(data.getString("opponent")).isNotEqualTo(players.get(0).id().toString());

            // the topic is the server's: clients cannot send there
            gateway.send(WsClient.msg("room.send", "rid", 7, "room", "tournament:" + id, "data",
                    new JsonObject().put("x", 1)));
            JsonObject refused = gateway.await("error");
            assertThat(refused.getString("code")).isEqualTo("forbidden");
            assertThat(refused.getInteger("rid")).isEqualTo(7);
            updates.sendText("{\"type\":\"hello\"}");
            assertThat(updates.await("error").getString("code")).isEqualTo("read_only");
        }
    }

    @Test
    void theUpdatesSocketNeedsATokenAndATournamentId() {
        int port = node.arena().port();
        assertThatThrownBy(() -> WsClient.connect(node.vertx(), port, "/tournaments/" + UUID.randomUUID() + "/updates"))
                .rootCause().extracting(e -> ((UpgradeRejectedException) e).getStatus()).isEqualTo(401);
        String token = d.player().token();
        assertThatThrownBy(() -> WsClient.connect(node.vertx(), port, "/tournaments/nope/updates?token=" + token))
                .rootCause().extracting(e -> ((UpgradeRejectedException) e).getStatus()).isEqualTo(422);
    }

    @Test
    void fourPlayersPlayASingleEliminationOverTheGatewayAndTheBracketAdvancesByItself() {
        Player organiser = d.player();
        List<Player> players = d.players(4);
        String id = d.create(organiser, new JsonObject().put("format", "single_elimination").put("max_players", 4));
        d.registerAll(id, players);
        Map<UUID, WsClient> sockets = new HashMap<>();
        try {
            for (Player p : players) {
                WsClient ws = WsClient.gateway(node.vertx(), node.arena().port(), p.token());
                ws.welcome();
                sockets.put(p.id(), ws);
            }
            d.start(id, organiser);
            Map<UUID, Player> byId = new HashMap<>();
            players.forEach(p -> byId.put(p.id(), p));

            // round 1: everyone is told of their game; the first mover wins each game
            List<UUID> winners = new ArrayList<>();
            List<String> round1 = new ArrayList<>();
            for (Player p : players) {
                JsonObject ready = matchReady(sockets.get(p.id()), p);
                if (!round1.contains(ready.getString("game_id"))) {
                    round1.add(ready.getString("game_id"));
                    Player opponent = byId.get(UUID.fromString(ready.getString("opponent")));
                    winners.add(play(ready.getString("game_id"), p, opponent, sockets));
                }
            }
            assertThat(round1).hasSize(2);

            // the final appears once both results went through the pipeline
            JsonObject fin = matchReady(sockets.get(winners.get(0)), byId.get(winners.get(0)));
            assertThat(fin.getString("pairing_id")).isEqualTo("W2-1");
            assertThat(fin.getString("opponent")).isEqualTo(winners.get(1).toString());
            UUID champion = play(fin.getString("game_id"), byId.get(winners.get(0)), byId.get(winners.get(1)),
                    sockets);

            JsonObject t = awaitStatus(id, "completed");
            assertThat(t.getLong("version")).isPositive();
            JsonObject board = d.ok(d.get("/tournaments/" + id + "/leaderboard"), 200);
            assertThat(board.getJsonArray("standings").getJsonObject(0).getString("player_id"))
                    .isEqualTo(champion.toString());
            JsonObject w21 = d.pairing(d.bracket(id), "W2-1");
            assertThat(w21.getJsonArray("game_ids")).containsExactly(fin.getString("game_id"));
            assertThat(w21.getJsonArray("scores").stream().mapToInt(o -> (Integer) o).sum()).isEqualTo(1);
        } finally {
            sockets.values().forEach(WsClient::close);
        }
    }

    private static JsonObject matchReady(WsClient ws, Player p) {
        return ws.await(m -> m.getString("type").equals("room.message")
                && m.getString("room").equals("user:" + p.id())
                && m.getJsonObject("data").getString("type").equals("tournament.match_ready"), "match_ready")
                .getJsonObject("data");
    }

    /** Both sit down and play; whoever moves first drops four in column 0 and wins. Returns the winner. */
    private static UUID play(String game, Player a, Player b, Map<UUID, WsClient> sockets) {
        d.ok(d.post("/games/" + game + "/join", new JsonObject(), a), 200);
        JsonObject state = d.ok(d.post("/games/" + game + "/join", new JsonObject(), b), 200);
        UUID first = UUID.fromString(state.getJsonObject("state").getString("to_move"));
        WsClient red = sockets.get(first);
        WsClient yellow = sockets.get(first.equals(a.id()) ? b.id() : a.id());
        red.send(WsClient.msg("match.join", "game_id", game));
        red.await("match.state");
        yellow.send(WsClient.msg("match.join", "game_id", game));
        yellow.await("match.state");
        for (int move = 0; move < 7; move++) {
            boolean redTurn = move % 2 == 0;
            (redTurn ? red : yellow).send(WsClient.msg("match.input", "game_id", game, "input",
                    new JsonObject().put("type", "drop").put("column", redTurn ? 0 : 1)));
            red.await(f -> "match.event".equals(f.getString("type")) && f.getJsonArray("events").stream()
                    .anyMatch(e -> e instanceof JsonObject o && "disc".equals(o.getString("type"))), "disc " + move);
        }
        JsonObject end = red.await("match.end");
        assertThat(end.getJsonObject("result").getJsonObject("outcome").getString("player"))
                .isEqualTo(first.toString());
        yellow.await("match.end");
        return first;
    }

    /** Waits (bounded) for the pipeline's job to have moved the tournament to {@code status}. */
    private static JsonObject awaitStatus(String id, String status) {
        return Eventually.until(() -> d.ok(d.get("/tournaments/" + id), 200).getJsonObject("tournament"),
                t -> t.getString("status").equals(status), Duration.ofSeconds(30),
                "tournament " + id + " to be " + status);
    }
}
