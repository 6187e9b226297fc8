package dev.arena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.Actors;
import dev.arena.testing.Actors.Actor;
import dev.arena.testing.ConnectFourGame;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Games on one real node: the HTTP lifecycle ({@code /games/*}) and play over the gateway socket
 * ({@code match.*}). connect_four is turn-based, so nothing here waits for game time, only for frames.
 */
class MatchesIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    static JsonObject create(Player owner, JsonObject body) {
        Response r = node.post("/games/create", body, owner);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json();
    }

    static JsonObject connectFour(Player owner) {
        return create(owner, new JsonObject().put("mode", "connect_four"));
    }

    static List<String> players(JsonObject game) {
        return game.getJsonArray("players").stream().map(p -> ((JsonObject) p).getString("player")).toList();
    }

    static JsonObject msg(String type, String gameId) {
        return new JsonObject().put("type", type).put("game_id", gameId);
    }

    static JsonObject drop(String gameId, int column) {
        return ConnectFourGame.drop(gameId, column);
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------

    @Test
    void createReportsEveryInvalidField() {
        Player a = node.player();
        assertThat(NodeFixture.fields(node.post("/games/create", new JsonObject(), a))).containsExactly("mode");
        assertThat(NodeFixture.fields(node.post("/games/create", new JsonObject().put("mode", "chess"), a))).containsExactly("mode");
        assertThat(NodeFixture.fields(node.post("/games/create", new JsonObject().put("mode", "connect_four").put("max_players", "2")
                .put("private", "yes").put("settings", 3).put("colour", "red"), a)))
                .containsExactlyInAnyOrder("max_players", "private", "settings", "colour");
        assertThat(NodeFixture.fields(node.post("/games/create", new JsonObject().put("mode", "connect_four").put("max_players", 5)
                .put("settings", new JsonObject().put("turn_seconds", -1).put("bogus", 1)), a)))
                .containsExactlyInAnyOrder("max_players", "settings.turn_seconds", "settings.bogus");
        assertThat(node.http().post("/games/create", new JsonObject().put("mode", "connect_four")).status())
                .isEqualTo(401);
    }

    @Test
    void createJoinStateListLeave() {
        Player a = node.player();
        Player b = node.player();
        Player c = node.player();
        JsonObject game = connectFour(a);
        String id = game.getString("game_id");
        assertThat(game.getString("mode")).isEqualTo("connect_four");
        assertThat(game.getString("status")).isEqualTo("waiting");
        assertThat(game.getInteger("max_players")).isEqualTo(2);
        assertThat(game.getBoolean("private")).isFalse();
        assertThat(game.getString("owner_node")).isEqualTo(node.arena().config().nodeId());
        assertThat(game.containsKey("join_code")).isFalse();
        assertThat(players(game)).containsExactly(a.id());

        JsonArray listed = node.http().get("/games?mode=connect_four&status=waiting", c.token()).json()
                .getJsonArray("games");
        assertThat(listed.stream().map(g -> ((JsonObject) g).getString("game_id"))).contains(id);

        Response joined = node.post("/games/" + id + "/join", null, b);
        assertThat(joined.status()).as("%s", joined).isEqualTo(200);
        assertThat(players(joined.json())).containsExactlyInAnyOrder(a.id(), b.id());
        // a lobby game: full, it still waits for the ready check (docs/LOBBY.md)
        assertThat(joined.json().getString("status")).isEqualTo("waiting");
        assertThat(joined.json().getString("host")).isEqualTo(a.id());
        assertThat(node.post("/games/" + id + "/ready", new JsonObject().put("ready", true), b).json()
                .getString("status")).isEqualTo("waiting");
        Response ready = node.post("/games/" + id + "/ready", new JsonObject().put("ready", true), a);
        assertThat(ready.status()).as("%s", ready).isEqualTo(200);
        assertThat(ready.json().getString("status")).isEqualTo("running"); // everyone ready: starts on that tick

        Response state = node.http().get("/games/" + id + "/state", c.token());
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().getString("status")).isEqualTo("running");
        assertThat(state.json().getJsonObject("state").getJsonArray("rows")).hasSize(6);

        Response full = node.post("/games/" + id + "/join", null, c);
        assertThat(full.status()).isEqualTo(403);
        assertThat(full.json().getString("type")).endsWith("full");
        assertThat(node.post("/games/" + id + "/leave", null, c).status()).isEqualTo(403);

        Response left = node.post("/games/" + id + "/leave", null, b); // a forfeit: a wins
        assertThat(left.status()).as("%s", left).isEqualTo(200);
        JsonObject over = node.http().get("/games/" + id + "/state", a.token()).json();
        assertThat(over.getString("status")).isEqualTo("finished");
        assertThat(over.getJsonObject("result").getJsonObject("outcome").getString("player")).isEqualTo(a.id());
    }

    @Test
    void unknownAndMalformedGames() {
        Player a = node.player();
        String nobody = UUID.randomUUID().toString();
        assertThat(node.http().get("/games/" + nobody + "/state", a.token()).status()).isEqualTo(404);
        assertThat(node.post("/games/" + nobody + "/join", null, a).status()).isEqualTo(404);
        assertThat(node.post("/games/" + nobody + "/leave", null, a).status()).isEqualTo(404);
        assertThat(NodeFixture.fields(node.http().get("/games/not-a-uuid/state", a.token()))).containsExactly("game_id");
        assertThat(NodeFixture.fields(node.http().get("/games?status=paused", a.token()))).containsExactly("status");
        assertThat(NodeFixture.fields(node.http().get("/games?mode=chess", a.token()))).containsExactly("mode");
        // the list is a public read (docs/SECURITY.md); the actions still need a token
        assertThat(node.http().get("/games").status()).isEqualTo(200);
        assertThat(node.http().post("/games/" + nobody + "/join", null).status()).isEqualTo(401);
    }

    @Test
    void privateGamesNeedTheirJoinCode() {
        Player a = node.player();
        Player b = node.player();
        Player c = node.player();
        JsonObject game = create(a, new JsonObject().put("mode", "connect_four").put("private", true));
        String id = game.getString("game_id");
        String code = game.getString("join_code");
        assertThat(code).hasSize(6);
        assertThat(game.getBoolean("private")).isTrue();
        assertThat(node.http().get("/games?mode=connect_four", c.token()).json().getJsonArray("games").stream()
                .map(g -> ((JsonObject) g).getString("game_id"))).doesNotContain(id);

        Response without = node.post("/games/" + id + "/join", null, b);
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().getString("type")).endsWith("join-code-required");
        Response wrong = node.post("/games/" + id + "/join", new JsonObject().put("join_code", "AAAAAA"), b);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().getString("type")).endsWith("wrong-join-code");
        assertThat(node.http().get("/games/" + id + "/state", c.token()).status()).isEqualTo(403);

        Response ok = node.post("/games/" + id + "/join", new JsonObject().put("join_code", code), b);
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(ok.json().containsKey("join_code")).isFalse();
        assertThat(node.http().get("/games/" + id + "/state", b.token()).status()).isEqualTo(200);
    }

    // ---- gateway socket -----------------------------------------------------------------------------------

    @Test
    void twoPlayersPlayConnectFourToTheEndWhileASpectatorWatches() {
        Player a = node.player();
        Player b = node.player();
        Player s = node.player();
        String id = connectFour(a).getString("game_id");
        node.post("/games/" + id + "/join", null, b);
        JsonObject started = node.post("/games/" + id + "/start", new JsonObject().put("force", true), a).json();
        String first = started.getJsonObject("state").getString("to_move");
        Player red = first.equals(a.id()) ? a : b;
        Player yellow = red == a ? b : a;

        try (WsClient r = node.socket(red);
             WsClient y = node.socket(yellow);
             WsClient watcher = node.socket(s)) {
            r.send(msg("match.join", id).put("rid", 1));
            JsonObject snapshot = r.await("match.state");
            assertThat(snapshot.getValue("rid")).isEqualTo(1);
            assertThat(snapshot.getString("game_id")).isEqualTo(id);
            assertThat(snapshot.getString("status")).isEqualTo("running");
            y.send(msg("match.join", id));
            y.await("match.state");
            watcher.send(msg("match.spectate", id));
            assertThat(watcher.await("match.state").getJsonObject("state").getString("to_move")).isEqualTo(red.id());

            // refused inputs carry the match's codes
            watcher.send(drop(id, 0));
            assertThat(watcher.await("error").getString("code")).isEqualTo("spectator");
            ConnectFourGame.assertRefusals(r, y, id);

            // red: column 0 four times; yellow: column 1 three times. Each move waits for the other's disc.
            ConnectFourGame.redWins(r, y, id, move -> r.await(MatchesIntegrationTest::hasDisc, "disc " + move));
            JsonObject end = r.await("match.end");
            assertThat(end.getString("game_id")).isEqualTo(id);
            assertThat(end.getJsonObject("result").getString("reason")).isEqualTo("four_in_a_row");
            assertThat(end.getJsonObject("result").getJsonObject("outcome").getString("player")).isEqualTo(red.id());
            assertThat(y.await("match.end")).isEqualTo(end);
            assertThat(watcher.await("match.end")).isEqualTo(end);
            long discs = watcher.drain("match.event").stream().flatMap(f -> f.getJsonArray("events").stream())
                    .filter(e -> "disc".equals(((JsonObject) e).getString("type"))).count();
            assertThat(discs).isEqualTo(7);

            r.send(drop(id, 2));
            assertThat(r.await("error").getString("code")).isEqualTo("ended");
        }
        assertThat(node.http().get("/games/" + id + "/state", a.token()).json().getString("status"))
                .isEqualTo("finished");
    }

    @Test
    void numberedInputsAreAcknowledgedInTheFrameOfTheirTickAndInTheSnapshotAfterAReconnect() {
        Player a = node.player();
        Player b = node.player();
        String id = connectFour(a).getString("game_id");
        node.post("/games/" + id + "/join", null, b);
        String first = node.post("/games/" + id + "/start", new JsonObject().put("force", true), a).json()
                .getJsonObject("state").getString("to_move");
        Player red = first.equals(a.id()) ? a : b;
        Player yellow = red == a ? b : a;
        try (WsClient y = node.socket(yellow)) {
            WsClient r = node.socket(red);
            r.send(msg("match.join", id));
            r.await("match.state");
            y.send(msg("match.join", id));
            assertThat(y.await("match.state").containsKey("acks")).as("no numbered input yet").isFalse();

            // refused by the rules: the error comes first, then the frame of that tick acknowledges the input
            y.send(drop(id, 0).put("seq", 5));
            JsonObject firstSeen = y.await(f -> "error".equals(f.getString("type")) || f.containsKey("acks"),
                    "the refusal or the acknowledgement");
            assertThat(firstSeen.getString("code")).isEqualTo("not_your_turn");
            JsonObject refusedAck = y.await(f -> f.containsKey("acks"), "the acknowledgement of 5");
            assertThat(refusedAck.getString("type")).isEqualTo("match.event");
            assertThat(refusedAck.getJsonArray("events")).isEmpty();
            assertThat(refusedAck.getJsonObject("acks").getMap()).isEqualTo(Map.of(yellow.id(), 5));
            assertThat(r.await(f -> f.containsKey("acks"), "the same frame")).isEqualTo(refusedAck);

            // accepted: its disc and its acknowledgement in one frame, the same for both players
            r.send(drop(id, 0).put("seq", 1));
            JsonObject disc = r.await(MatchesIntegrationTest::hasDisc, "red's disc");
            assertThat(disc.getJsonObject("acks").getMap()).isEqualTo(Map.of(red.id(), 1));
            assertThat(y.await(MatchesIntegrationTest::hasDisc, "red's disc")).isEqualTo(disc);

            // a seq that is no safe non-negative integer is malformed, at once, and never reaches the match
            y.send(drop(id, 1).put("seq", -1).put("rid", "neg"));
            JsonObject bad = y.await("error");
            assertThat(bad.getString("code")).isEqualTo("malformed");
            assertThat(bad.getString("rid")).isEqualTo("neg");
            y.send(drop(id, 1).put("seq", 2.5));
            assertThat(y.await("error").getString("code")).isEqualTo("malformed");
            assertThat(node.http().get("/games/" + id + "/state", a.token()).json().getJsonObject("state")
                    .getString("to_move")).isEqualTo(yellow.id());

            // red drops and comes back: the snapshot says which of its inputs it includes
            r.close();
            y.await(f -> hasEvent(f, "player_disconnected"), "player_disconnected");
            try (WsClient again = node.socket(red)) {
                again.send(msg("match.join", id));
                JsonObject st = again.await("match.state");
                assertThat(st.getJsonObject("acks").getMap()).isEqualTo(Map.of(red.id(), 1, yellow.id(), 5));
            }
        }
    }

    static boolean hasDisc(JsonObject frame) {
        return hasEvent(frame, "disc");
    }

    static boolean hasEvent(JsonObject frame, String type) {
        return ConnectFourGame.hasEvent(frame, type);
    }

    @Test
    void matchMessagesAreCheckedBeforeTheyReachAMatch() {
        Player a = node.player();
        Player c = node.player();
        String id = connectFour(a).getString("game_id");
        try (WsClient ws = node.socket(c)) {
            ws.send(new JsonObject().put("type", "match.join").put("rid", "x"));
            assertThat(ws.await("error").getString("code")).isEqualTo("bad_message");
            ws.send(msg("match.join", "not-a-uuid"));
            assertThat(ws.await("error").getString("code")).isEqualTo("bad_message");
            ws.send(msg("match.input", id).put("input", "drop 3"));
            assertThat(ws.await("error").getString("code")).isEqualTo("bad_message");
            ws.send(msg("match.spectate", UUID.randomUUID().toString()));
            assertThat(ws.await("error").getString("code")).isEqualTo("not_found");
            ws.send(msg("match.join", id)); // not seated over HTTP
            assertThat(ws.await("error").getString("code")).isEqualTo("not_participant");
            ws.send(drop(id, 3)); // not attached
            assertThat(ws.await("error").getString("code")).isEqualTo("not_participant");
            ws.send(msg("match.leave", id));
            assertThat(ws.await("error").getString("code")).isEqualTo("not_participant");
        }
    }

    @Test
    void aClosedSocketDisconnectsItsPlayerUntilTheyJoinAgain() {
        Player a = node.player();
        Player b = node.player();
        String id = connectFour(a).getString("game_id");
        node.post("/games/" + id + "/join", null, b);
        try (WsClient other = node.socket(b)) {
            other.send(msg("match.join", id));
            other.await("match.state");
            WsClient first = node.socket(a);
            first.send(msg("match.join", id));
            first.await("match.state");
            first.close();
            other.await(f -> hasEvent(f, "player_disconnected"), "player_disconnected");
            JsonObject seat = node.http().get("/games/" + id + "/state", a.token()).json().getJsonArray("players")
                    .stream().map(p -> (JsonObject) p).filter(p -> p.getString("player").equals(a.id()))
                    .findFirst().orElseThrow();
            assertThat(seat.getBoolean("connected")).isFalse();
            assertThat(seat.getLong("forfeit_at_tick")).isPositive();

            try (WsClient again = node.socket(a)) {
                again.send(msg("match.join", id));
                JsonObject st = again.await("match.state");
                assertThat(st.getJsonArray("players").stream().map(p -> (JsonObject) p)
                        .filter(p -> p.getString("player").equals(a.id())).findFirst().orElseThrow()
                        .getBoolean("connected")).isTrue();
                other.await(f -> hasEvent(f, "player_reconnected"), "player_reconnected");
            }
        }
    }

    /** Issue 14: {@code match.spectate} showed a private game that {@code GET /games/{id}/state} refuses. */
    @Test
    void aPrivateGameCannotBeSpectatedByAnOutsiderOverTheSocket() {
        Player owner = node.player();
        Player outsider = node.player();
        String id = create(owner, new JsonObject().put("mode", "connect_four").put("private", true))
                .getString("game_id");
        assertThat(node.http().get("/games/" + id + "/state", outsider.token()).status()).isEqualTo(403);
        try (WsClient spy = WsClient.gateway(node.vertx(), node.arena().port(), outsider.token());
             WsClient host = WsClient.gateway(node.vertx(), node.arena().port(), owner.token())) {
            spy.send(msg("match.spectate", id).put("rid", "s1"));
            JsonObject refused = spy.await("error");
            assertThat(refused.getString("code")).isEqualTo("forbidden");
            assertThat(refused.getValue("rid")).isEqualTo("s1");
            assertThat(spy.drain("match.state")).isEmpty();
            host.send(msg("match.spectate", id));
            assertThat(host.await("match.state").getString("game_id")).as("its own player may").isEqualTo(id);
        }
    }

    /**
     * Issue 11: staff may spectate a private game a player made exactly when {@code GET /games/{id}/state} lets
     * them read it (console accounts: viewers, moderators and admins); an outsider player is still refused.
     */
    @Test
    void staffSpectateAPrivateGameAsTheyMayReadItsState() {
        Player owner = node.player();
        String id = create(owner, new JsonObject().put("mode", "connect_four").put("private", true))
                .getString("game_id");
        Actors actors = new Actors(node);
        for (Role role : List.of(Role.ADMIN, Role.MODERATOR, Role.VIEWER, Role.PLAYER)) {
            Actor staff = actors.registered(role);
            boolean may = role != Role.PLAYER;
            assertThat(node.http().get("/games/" + id + "/state", staff.token()).status()).as("%s over HTTP", role)
                    .isEqualTo(may ? 200 : 403);
            try (WsClient ws = WsClient.gateway(node.vertx(), node.arena().port(), staff.token())) {
                ws.send(msg("match.spectate", id));
                JsonObject answer = ws.await(f -> f.getString("type").matches("match.state|error"), "an answer");
                assertThat(answer.getString("type")).as("%s over the socket", role)
                        .isEqualTo(may ? "match.state" : "error");
            }
        }
    }

    /**
     * {@code watchable=true} lists what anyone may spectate: public games and the games matchmaking and tournaments
     * make, never a friends-only private game.
     */
    @Test
    void watchableListsMatchmadeGamesButNeverAFriendsOnlyPrivateOne() {
        Player a = node.player();
        Player b = node.player();
        Player viewer = node.player();
        String matched = node.arena().httpServices().matches().createFor(
                new dev.arena.match.MatchRegistry.Create("connect_four", null, java.util.Map.of()),
                List.of(new dev.arena.common.PlayerId(UUID.fromString(a.id())),
                        new dev.arena.common.PlayerId(UUID.fromString(b.id())))).id().toString();
        String friends = create(a, new JsonObject().put("mode", "connect_four").put("private", true))
                .getString("game_id");
        String open = connectFour(b).getString("game_id");

        List<String> watchable = ids(node.http().get("/games?watchable=true&mode=connect_four", viewer.token()));
        assertThat(watchable).contains(matched, open).doesNotContain(friends);
        List<String> publicOnly = ids(node.http().get("/games?mode=connect_four", viewer.token()));
        assertThat(publicOnly).contains(open).doesNotContain(matched, friends);
        assertThat(ids(node.http().get("/games?watchable=false", viewer.token()))).doesNotContain(matched);
        assertThat(NodeFixture.fields(node.http().get("/games?watchable=yes", viewer.token())))
                .containsExactly("watchable");
    }

    private static List<String> ids(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().getJsonArray("games").stream().map(g -> ((JsonObject) g).getString("game_id")).toList();
    }
}
