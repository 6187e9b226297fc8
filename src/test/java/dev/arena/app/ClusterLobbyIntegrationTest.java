package dev.arena.app;

import dev.arena.testing.Player;
import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Http;
import dev.arena.testing.Response;
import dev.arena.testing.TestRedis;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lobby across two real nodes sharing PostgreSQL and Redis: the list of either node shows the open games of
 * both (filters and paging as on one node), a private game of node 1 is joined by its code on node 2, join codes
 * are claimed in Redis, and a lobby subscriber on node 2 sees node 1's games added, updated and removed. Each
 * test uses a region of its own, so the tests of the class keep apart.
 */
class ClusterLobbyIntegrationTest {
    @RegisterExtension
    static final TestCluster cluster = new TestCluster("l");
    private static final Redis redis = TestRedis.client(cluster.vertx());

    static Player player() {
        var auth = await(cluster.node1().identity().guest("device-" + UUID.randomUUID()));
        return Player.of(auth);
    }

    static Http http(ArenaNode node) {
        return new Http(URI.create("http://127.0.0.1:" + node.port()));
    }

    static String region() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonObject create(ArenaNode node, Player host, JsonObject body) {
        Response r = http(node).post("/games/create", body, host.token());
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json();
    }

    static String game(ArenaNode node, Player host, String mode, String region, int maxPlayers) {
        return create(node, host, new JsonObject().put("mode", mode).put("region", region)
                .put("max_players", maxPlayers)).getString("game_id");
    }

    static JsonObject ok(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    static JsonObject lobby(ArenaNode node, String query, Player p) {
        return ok(http(node).get("/lobby/games?" + query, p.token()));
    }

    static List<String> ids(JsonObject page) {
        return page.getJsonArray("games").stream().map(g -> ((JsonObject) g).getString("game_id")).toList();
    }

    static String nodeId(ArenaNode n) {
        return n.config().nodeId();
    }

    @Test
    void eitherNodeListsTheOpenGamesOfBothFilteredSortedAndPaged() {
        Player a = player();
        Player b = player();
        String here = region();
        String onOne = game(cluster.node1(), a, "arena_battle", here, 4);
        String fourOnOne = game(cluster.node1(), a, "connect_four", here, 2);
        String onTwo = game(cluster.node2(), b, "arena_battle", here, 3);
        String elsewhere = game(cluster.node1(), a, "arena_battle", region(), 4);
        create(cluster.node1(), a, new JsonObject().put("mode", "arena_battle").put("region", here).put("private", true));

        for (ArenaNode n : List.of(cluster.node1(), cluster.node2())) {
            // nearest to full first: connect_four 1/2, then arena_battle 1/3 (node 2), then 1/4 (node 1)
            JsonObject all = lobby(n, "region=" + here, b);
            assertThat(ids(all)).as("listed by %s", nodeId(n)).containsExactly(fourOnOne, onTwo, onOne);
            assertThat(all.getInteger("total")).isEqualTo(3);
            assertThat(ids(lobby(n, "region=" + here + "&mode=arena_battle", b))).containsExactly(onTwo, onOne);
            JsonObject page = lobby(n, "region=" + here + "&limit=1&offset=1", b);
            assertThat(ids(page)).containsExactly(onTwo);
            assertThat(page.getInteger("total")).isEqualTo(3);
            assertThat(ids(lobby(n, "region=" + here, b))).doesNotContain(elsewhere);
        }
        JsonObject listed = lobby(cluster.node2(), "region=" + here + "&mode=connect_four", b)
                .getJsonArray("games").getJsonObject(0);
        assertThat(listed.getString("owner_node")).isEqualTo(nodeId(cluster.node1()));
        assertThat(listed.getString("host")).isEqualTo(a.id());

        // a full game of node 1 drops out of has_space=true on node 2
        ok(http(cluster.node2()).post("/games/" + fourOnOne + "/join", null, b.token()));
        assertThat(ids(lobby(cluster.node2(), "region=" + here + "&has_space=true", b))).containsExactly(onTwo, onOne);
        assertThat(ids(lobby(cluster.node2(), "region=" + here + "&has_space=false", b)))
                .containsExactly(fourOnOne, onTwo, onOne);
        Response bad = http(cluster.node2()).get("/lobby/games?region=" + here + "&limit=0", b.token());
        assertThat(bad.status()).isEqualTo(422);
    }

    @Test
    void aPrivateGameOfNodeOneIsJoinedByItsCodeOnNodeTwo() {
        Player host = player();
        Player friend = player();
        Player stranger = player();
        JsonObject game = create(cluster.node1(), host, new JsonObject().put("mode", "arena_battle").put("private", true));
        String id = game.getString("game_id");
        String code = game.getString("join_code");
        // the code is claimed in Redis for the game
        assertThat(await(redis.send(Request.cmd(Command.GET).arg("arena:code:" + code))).toString()).isEqualTo(id);

        JsonObject joined = ok(http(cluster.node2()).post("/games/join-by-code",
                new JsonObject().put("join_code", code.toLowerCase()), friend.token()));
        assertThat(joined.getString("game_id")).isEqualTo(id);
        assertThat(joined.getString("owner_node")).isEqualTo(nodeId(cluster.node1()));
        assertThat(joined.getJsonArray("players").size()).isEqualTo(2);
        assertThat(joined.containsKey("join_code")).isFalse();

        String wrong = code.equals("ABCDEF") ? "ABCDEG" : "ABCDEF";
        Response unknown = http(cluster.node2()).post("/games/join-by-code", new JsonObject().put("join_code", wrong),
                stranger.token());
        assertThat(unknown.status()).as("%s", unknown).isEqualTo(404);
        Response malformed = http(cluster.node2()).post("/games/join-by-code",
                new JsonObject().put("join_code", "AB-12"), stranger.token());
        assertThat(malformed.status()).isEqualTo(422);

        // another node's private game gets another code, claimed for it
        JsonObject other = create(cluster.node2(), host, new JsonObject().put("mode", "arena_battle").put("private", true));
        assertThat(other.getString("join_code")).isNotEqualTo(code);
        assertThat(await(redis.send(Request.cmd(Command.GET).arg("arena:code:" + other.getString("join_code"))))
                .toString()).isEqualTo(other.getString("game_id"));

        // the game ends (started, then the host forfeits): its code is released, and no node finds it any more
        ok(http(cluster.node2()).post("/games/" + id + "/start", new JsonObject().put("force", true), host.token()));
        ok(http(cluster.node1()).post("/games/" + id + "/leave", null, host.token()));
        dev.arena.testing.Eventually.until(() -> await(redis.send(Request.cmd(Command.EXISTS).arg("arena:code:" + code)))
                .toLong(), n -> n == 0, "code " + code + " released");
        Response gone = http(cluster.node2()).post("/games/join-by-code", new JsonObject().put("join_code", code),
                stranger.token());
        assertThat(gone.status()).as("%s", gone).isEqualTo(404);
    }

    @Test
    void aSubscriberOnNodeTwoSeesNodeOnesGamesAddedUpdatedAndRemoved() {
        Player host = player();
        Player b = player();
        Player watcher = player();
        String here = region();
        String before = game(cluster.node1(), host, "arena_battle", here, 4);
        try (WsClient ws = WsClient.gateway(cluster.vertx(), cluster.node2().port(), watcher.token())) {
            ws.send(WsClient.msg("lobby.subscribe", "region", here, "rid", "s"));
            // node 2 knew node 1's game before it subscribed (the mirror is fed by node 1's published changes)
            JsonArray games = ws.await("lobby.subscribed").getJsonArray("games");
            assertThat(games.stream().map(g -> ((JsonObject) g).getString("game_id"))).containsExactly(before);

            String game = game(cluster.node1(), host, "arena_battle", here, 4);
            JsonObject added = ws.awaitMatchFrame("lobby.game_added", game).getJsonObject("game");
            assertThat(added.getString("owner_node")).isEqualTo(nodeId(cluster.node1()));
            assertThat(added.getInteger("player_count")).isEqualTo(1);

            ok(http(cluster.node2()).post("/games/" + game + "/join", null, b.token()));
            JsonObject updated = ws.awaitMatchFrame("lobby.game_updated", game).getJsonObject("game");
            assertThat(updated.getInteger("player_count")).isEqualTo(2);

            ok(http(cluster.node1()).post("/games/" + game + "/start", new JsonObject().put("force", true),
                    host.token()));
            JsonObject removed = ws.awaitMatchFrame("lobby.game_removed", game);
            assertThat(removed.getString("region")).isEqualTo(here);

            // a new subscriber on node 2 sees the remaining game of node 1, not the started one
            try (WsClient late = WsClient.gateway(cluster.vertx(), cluster.node2().port(), watcher.token())) {
                assertThat(subscribed(late, here)).containsExactly(before);
            }
        }
    }

    @Test
    void aMatchStartedOnNodeOneIsPushedLiveToASubscriberOnNodeTwoUntilItEnds() {
        Player host = player();
        Player b = player();
        Player watcher = player();
        String here = region();
        try (WsClient ws = WsClient.gateway(cluster.vertx(), cluster.node2().port(), watcher.token())) {
            ws.send(WsClient.msg("lobby.subscribe", "region", here, "live", true, "rid", "s"));
            assertThat(ws.await("lobby.subscribed").getJsonArray("live_games")).isEmpty();

            String game = game(cluster.node1(), host, "connect_four", here, 2);
            ok(http(cluster.node2()).post("/games/" + game + "/join", null, b.token()));
            ok(http(cluster.node1()).post("/games/" + game + "/start", new JsonObject().put("force", true),
                    host.token()));
            JsonObject live = ws.awaitMatchFrame("lobby.live_added", game).getJsonObject("game");
            assertThat(live.getString("owner_node")).isEqualTo(nodeId(cluster.node1()));
            assertThat(live.getJsonArray("players")).hasSize(2);
            assertThat(live.getInteger("spectators")).isZero();

            // a spectator on node 2 is counted by node 1's match; its socket closing drops the count (real clock:
            // each update comes at most a second after the last, so this costs up to two seconds)
            WsClient spectator = WsClient.gateway(cluster.vertx(), cluster.node2().port(), player().token());
            spectator.send(WsClient.msg("match.spectate", "game_id", game));
            assertThat(spectator.await("match.state").getInteger("spectators")).isEqualTo(1);
            assertThat(spectators(ws, game, 1).getString("owner_node")).isEqualTo(nodeId(cluster.node1()));
            spectator.close();
            spectators(ws, game, 0);

            // node 2's mirror has it: a new subscriber there sees it in its snapshot
            try (WsClient late = WsClient.gateway(cluster.vertx(), cluster.node2().port(), watcher.token())) {
                late.send(WsClient.msg("lobby.subscribe", "region", here, "live", true));
                assertThat(late.await("lobby.subscribed").getJsonArray("live_games").stream()
                        .map(g -> ((JsonObject) g).getString("game_id"))).containsExactly(game);
            }

            ok(http(cluster.node2()).post("/games/" + game + "/leave", null, b.token()));
            assertThat(ws.awaitMatchFrame("lobby.live_removed", game).getString("mode")).isEqualTo("connect_four");
        }
    }

    /** The next {@code lobby.live_updated} of the game with that many spectators (its {@code game}). */
    static JsonObject spectators(WsClient ws, String game, int count) {
        return ws.await(f -> "lobby.live_updated".equals(f.getString("type"))
                && game.equals(f.getJsonObject("game").getString("game_id"))
                && f.getJsonObject("game").getInteger("spectators") == count, "spectators " + count).getJsonObject("game");
    }

    static List<String> subscribed(WsClient ws, String region) {
        ws.send(WsClient.msg("lobby.subscribe", "region", region));
        return ws.await("lobby.subscribed").getJsonArray("games").stream()
                .map(g -> ((JsonObject) g).getString("game_id")).toList();
    }

    @Test
    void aNodeStartedLaterLearnsTheGamesListedBeforeIt() throws Exception {
        Player host = player();
        Player watcher = player();
        String here = region();
        String game = game(cluster.node1(), host, "arena_battle", here, 4);
        String running = game(cluster.node1(), host, "connect_four", here, 2);
        ok(http(cluster.node1()).post("/games/" + running + "/join", null, player().token()));
        ok(http(cluster.node1()).post("/games/" + running + "/start", new JsonObject().put("force", true),
                host.token()));
        ArenaNode late = cluster.node("l3");
        try (WsClient ws = WsClient.gateway(cluster.vertx(), late.port(), watcher.token())) {
            // its mirror is filled by a resync just after it started (asking every live node for its games and
            // its live matches)
            dev.arena.testing.Eventually.until(() -> subscribed(ws, here), List.of(game)::equals,
                    "node 3's lobby knows node 1's game");
            ws.send(WsClient.msg("lobby.subscribe", "region", here, "live", true));
            assertThat(ws.await("lobby.subscribed").getJsonArray("live_games").stream()
                    .map(g -> ((JsonObject) g).getString("game_id"))).containsExactly(running);
        }
    }
}
