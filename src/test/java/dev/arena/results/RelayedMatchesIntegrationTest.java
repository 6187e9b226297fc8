package dev.arena.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Relayed games: the clients play, the server relays and logs, the players report the result once. */
class RelayedMatchesIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    static Player player() {
        return Player.of(node.register("relay-" + UUID.randomUUID().toString().substring(0, 8), "password-1"));
    }

    /** A relay game for these players, all seated and ready (so it runs); the first creates it. */
    static String running(Player... players) {
        Player a = players[0];
        Response created = node.http().post("/games/create",
                new JsonObject().put("mode", "relay").put("max_players", players.length), a.token());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().getString("game_id");
        for (int i = 1; i < players.length; i++) {
            assertThat(node.http().post("/games/" + id + "/join", null, players[i].token()).status()).isEqualTo(200);
        }
        // a lobby game: it starts when everyone seated is ready
        for (Player p : players) {
            assertThat(node.http().post("/games/" + id + "/ready", new JsonObject().put("ready", true), p.token())
                    .status()).isEqualTo(200);
        }
        Eventually.until(() -> node.http().get("/games/" + id + "/state", a.token()).json(),
                s -> "running".equals(s.getString("status")), "the relay game to start");
        return id;
    }

    static Response finish(String id, Player p, Object result) {
        return node.http().post("/games/" + id + "/finish", new JsonObject().put("result", result), p.token());
    }

    @Test
    void inputsAreRelayedAndTheFirstReportEndsTheGame() {
        Player a = player();
        Player b = player();
        String id = running(a, b);
        try (WsClient wa = node.socket(a);
             WsClient wb = node.socket(b)) {
            wa.send(new JsonObject().put("type", "match.join").put("game_id", id));
            wa.await("match.state");
            wb.send(new JsonObject().put("type", "match.join").put("game_id", id));
            wb.await("match.state");
            wa.send(new JsonObject().put("type", "match.input").put("game_id", id)
                    .put("input", new JsonObject().put("type", "shoot").put("x", 3)));
            JsonObject relayed = wb.await(f -> "match.event".equals(f.getString("type"))
                    && f.getJsonArray("events").stream().anyMatch(e -> e instanceof JsonObject o
                    && "relay".equals(o.getString("type"))), "the relayed input");
            JsonObject event = relayed.getJsonArray("events").stream().map(JsonObject.class::cast)
                    .filter(o -> "relay".equals(o.getString("type"))).findFirst().orElseThrow();
            assertThat(event.getString("from")).isEqualTo(a.id());
            assertThat(event.getJsonObject("data").getInteger("x")).isEqualTo(3);

            Response done = finish(id, b, new JsonObject().put("winner", a.id()).put("reason", "flag_captured"));
            assertThat(done.status()).as("%s", done).isEqualTo(202);
            assertThat(done.json().getJsonObject("result").getJsonObject("outcome").getString("player"))
                    .isEqualTo(a.id());
            JsonObject end = wa.await("match.end");
            assertThat(end.getJsonObject("result").getString("reason")).isEqualTo("flag_captured");
        }
        // only once: the second report, whoever sends it, is a conflict
        assertThat(finish(id, a, new JsonObject().put("winner", b.id())).status()).isEqualTo(409);

        JsonObject stats = Eventually.until(() -> node.http().get("/players/" + a.id() + "/stats", a.token()).json(),
                s -> s.getInteger("wins") == 1 && !s.getJsonArray("ratings").isEmpty(), "the winner's stats");
        assertThat(stats.getJsonArray("ratings").getJsonObject(0).getString("mode")).isEqualTo("relay");
        JsonObject replay = Eventually.until(() -> node.http().get("/games/" + id + "/replay", a.token()),
                r -> r.status() == 200, "the replay").json();
        assertThat(replay.getBoolean("relayed")).isTrue();
        assertThat(replay.getString("reported_by")).isEqualTo(b.id());
        assertThat(replay.getJsonObject("log").getJsonArray("entries").stream()
                .anyMatch(e -> "input".equals(((JsonObject) e).getString("kind")))).isTrue();
    }

    @Test
    void onlySeatedPlayersReportAndTheStandingsMustNameThem() {
        Player a = player();
        Player b = player();
        Player stranger = player();
        String id = running(a, b);
        assertThat(finish(id, stranger, new JsonObject().put("winner", a.id())).status()).isEqualTo(403);
        // a standing for someone who never played, a missing player, malformed forms
        JsonArray foreign = new JsonArray().add(new JsonObject().put("player_id", a.id()).put("place", 1))
                .add(new JsonObject().put("player_id", stranger.id()).put("place", 2));
        assertThat(finish(id, a, new JsonObject().put("standings", foreign)).status()).isEqualTo(422);
        JsonArray missing = new JsonArray().add(new JsonObject().put("player_id", a.id()).put("place", 1));
        assertThat(finish(id, a, new JsonObject().put("standings", missing)).status()).isEqualTo(422);
        assertThat(finish(id, a, new JsonObject().put("winner", a.id()).put("draw", true)).status()).isEqualTo(422);
        assertThat(finish(id, a, new JsonObject().put("winner", "nobody")).status()).isEqualTo(422);
        assertThat(finish(id, a, new JsonObject().put("draw", false)).status()).isEqualTo(422);
        assertThat(finish(id, a, new JsonObject().put("mvp", a.id())).status()).isEqualTo(422);
        assertThat(finish(id, a, "a won").status()).isEqualTo(422);
        JsonArray twice = new JsonArray().add(new JsonObject().put("player_id", a.id()).put("place", 1))
                .add(new JsonObject().put("player_id", a.id()).put("place", 2));
        assertThat(finish(id, a, new JsonObject().put("standings", twice)).status()).isEqualTo(422);
        assertThat(node.http().get("/games/" + id + "/state", a.token()).json().getString("status"))
                .isEqualTo("running");

        JsonArray full = new JsonArray().add(new JsonObject().put("player_id", a.id()).put("place", 1).put("score", 7))
                .add(new JsonObject().put("player_id", b.id()).put("place", 1).put("score", 7));
        Response draw = finish(id, a, new JsonObject().put("standings", full));
        assertThat(draw.status()).as("%s", draw).isEqualTo(202);
        assertThat(draw.json().getJsonObject("result").getJsonObject("outcome").getString("type")).isEqualTo("draw");
    }

    @Test
    void serverDecidedGamesCannotBeReported() {
        Player a = player();
        Player b = player();
        String id = node.http().post("/games/create", new JsonObject().put("mode", "connect_four"), a.token())
                .json().getString("game_id");
        node.http().post("/games/" + id + "/join", null, b.token());
        Response r = finish(id, a, new JsonObject().put("winner", a.id()));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().getString("type")).contains("not-relayed");
        assertThat(finish(UUID.randomUUID().toString(), a, new JsonObject().put("winner", a.id())).status())
                .isEqualTo(404);
    }

    @Test
    void aPlayerWhoLeftIsRankedLastAndCannotEscapeTheLoss() {
        Player a = player();
        Player b = player();
        Player c = player();
        String id = running(a, b, c);
        assertThat(node.http().post("/games/" + id + "/leave", null, c.token()).status()).isEqualTo(200);
        // c is not seated any more: the winner form names a and b; c is added last by the match
        Response done = finish(id, a, new JsonObject().put("winner", a.id()));
        assertThat(done.status()).as("%s", done).isEqualTo(202);
        JsonArray standings = done.json().getJsonObject("result").getJsonArray("standings");
        assertThat(standings).hasSize(3);
        JsonObject last = standings.getJsonObject(2);
        assertThat(last.getString("player")).isEqualTo(c.id());
        assertThat(last.getInteger("place")).isEqualTo(3);
        JsonObject stats = Eventually.until(() -> node.http().get("/players/" + c.id() + "/stats", c.token()).json(),
                s -> s.getInteger("losses") == 1 && !s.getJsonArray("ratings").isEmpty(), "the leaver's loss, rated");
        assertThat(stats.getJsonArray("ratings").getJsonObject(0).getDouble("rating")).isLessThan(1500.0);
    }

    @Test
    void aDrawNeedsTwoSeatedPlayers() {
        Player a = player();
        Player b = player();
        String id = running(a, b);
        assertThat(node.http().post("/games/" + id + "/leave", null, b.token()).status()).isEqualTo(200);
        Response draw = finish(id, a, new JsonObject().put("draw", true));
        assertThat(draw.status()).as("%s", draw).isEqualTo(422);
        Response win = finish(id, a, new JsonObject().put("winner", a.id()));
        assertThat(win.status()).isEqualTo(202);
        assertThat(win.json().getJsonObject("result").getJsonArray("standings")).hasSize(2);
    }
}
