package dev.arena.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.lobby.LobbyTracker;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lobby on one real node: the list ({@code GET /lobby/games}), its live updates on the socket's
 * {@code lobby} topic, join by code, and the ready check and host controls over HTTP. Each test uses a region
 * of its own, so the games of other tests never show in its lists. The merge interval is driven by the node's
 * {@code MutableClock}; nothing sleeps.
 */
class LobbyIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture();

    static String region() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonObject ok(Response r) {
        assertThat(r.status()).as("%s", r).isBetween(200, 201);
        return r.json();
    }

    static String create(Player host, String mode, String region, Object... more) {
        JsonObject body = new JsonObject().put("mode", mode).put("region", region);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return ok(node.post("/games/create", body, host)).getString("game_id");
    }

    static String join(String game, Player p) {
        return ok(node.post("/games/" + game + "/join", null, p)).getString("status");
    }

    static List<String> ids(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().getJsonArray("games").stream().map(g -> ((JsonObject) g).getString("game_id")).toList();
    }

    static Response lobby(String query, Player p) {
        return node.http().get("/lobby/games?" + query, p.token());
    }

    static void problem(Response r, int status, String typeEnd) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        assertThat(r.json().getString("type")).as("%s", r).endsWith(typeEnd);
    }

    static JsonObject ready(boolean value) {
        return new JsonObject().put("ready", value);
    }

    // ---- the list --------------------------------------------------------------------------------------

    @Test
    void theListFiltersByModeRegionAndFreeSeats() {
        Player a = node.player();
        Player b = node.player();
        String here = region();
        String battle = create(a, "arena_battle", here, "max_players", 3);
        String four = create(b, "connect_four", here);
        String elsewhere = create(a, "arena_battle", region());
        create(b, "arena_battle", here, "private", true);

        assertThat(ids(lobby("region=" + here, a))).containsExactlyInAnyOrder(battle, four);
        assertThat(ids(lobby("region=" + here + "&mode=arena_battle", a))).containsExactly(battle);
        assertThat(ids(lobby("mode=arena_battle&limit=100", a))).contains(battle, elsewhere);

        JsonObject listed = lobby("region=" + here + "&mode=connect_four", a).json().getJsonArray("games")
                .getJsonObject(0);
        assertThat(listed.getString("host")).isEqualTo(b.id());
        assertThat(listed.getString("region")).isEqualTo(here);
        assertThat(listed.getInteger("player_count")).isEqualTo(1);
        assertThat(listed.getInteger("min_players")).isEqualTo(2);
        assertThat(listed.getInteger("max_players")).isEqualTo(2);
        assertThat(listed.getBoolean("has_space")).isTrue();

        join(four, a); // full now: listed, but not among games with a free seat; first as the nearest to full
        assertThat(ids(lobby("region=" + here, a))).containsExactly(four, battle);
        assertThat(ids(lobby("region=" + here + "&has_space=true", a))).containsExactly(battle);
        assertThat(ids(lobby("region=" + here + "&has_space=false", a))).containsExactly(four, battle);

        Response page = lobby("region=" + here + "&limit=1&offset=1", a);
        assertThat(ids(page)).containsExactly(battle);
        assertThat(page.json().getInteger("total")).isEqualTo(2);

        ok(node.post("/games/" + four + "/start", new JsonObject().put("force", true), b)); // started: out of the lobby
        assertThat(ids(lobby("region=" + here, a))).containsExactly(battle);
        assertThat(node.http().get("/lobby/games").status()).as("a public read (docs/SECURITY.md)").isEqualTo(200);
    }

    @Test
    void badListQueriesAndBodiesAreProblemsNamingEveryField() {
        Player a = node.player();
        assertThat(NodeFixture.fields(lobby("mode=chess&region=EU!&has_space=yes&limit=0&offset=-1&colour=red", a)))
                .containsExactlyInAnyOrder("mode", "region", "has_space", "limit", "offset", "colour");
        assertThat(NodeFixture.fields(lobby("limit=101", a))).containsExactly("limit");
        assertThat(NodeFixture.fields(node.post("/games/create", new JsonObject().put("mode", "connect_four").put("region", 7), a)))
                .containsExactly("region");
        assertThat(NodeFixture.fields(node.post("/games/create", new JsonObject().put("mode", "connect_four").put("region", "Eu West"),
                a))).containsExactly("region");

        String game = create(a, "connect_four", region());
        assertThat(NodeFixture.fields(node.post("/games/" + game + "/ready", new JsonObject(), a))).containsExactly("ready");
        assertThat(NodeFixture.fields(node.post("/games/" + game + "/ready", new JsonObject().put("ready", "yes").put("now", 1), a)))
                .containsExactlyInAnyOrder("ready", "now");
        assertThat(NodeFixture.fields(node.post("/games/" + game + "/start", new JsonObject().put("force", 1), a)))
                .containsExactly("force");
        assertThat(NodeFixture.fields(node.post("/games/" + game + "/kick", new JsonObject().put("player_id", 5), a)))
                .containsExactly("player_id");
        assertThat(NodeFixture.fields(node.post("/games/" + game + "/kick", new JsonObject().put("player_id", "x".repeat(36)), a)))
                .containsExactly("player_id");
        assertThat(NodeFixture.fields(node.post("/games/not-a-uuid/ready", ready(true), a))).containsExactly("game_id");
        problem(node.http().send("POST", "/games/" + game + "/start", a.token(), "{\"force\":", java.util.Map.of()),
                400, "malformed-json");
        problem(node.post("/games/" + UUID.randomUUID() + "/start", null, a), 404, "not-found");
    }

    // ---- join by code ----------------------------------------------------------------------------------

    @Test
    void aFriendJoinsAPrivateGameWithTheCodeAlone() {
        Player a = node.player();
        Player b = node.player();
        Player c = node.player();
        JsonObject game = ok(node.post("/games/create", new JsonObject().put("mode", "arena_battle").put("private", true),
                a));
        String code = game.getString("join_code");

        Response joined = node.post("/games/join-by-code", new JsonObject().put("join_code", code), b);
        assertThat(ok(joined).getString("game_id")).isEqualTo(game.getString("game_id"));
        assertThat(joined.json().getJsonArray("players").stream().map(p -> ((JsonObject) p).getString("player")))
                .containsExactly(a.id(), b.id());
        assertThat(joined.json().containsKey("join_code")).isFalse();
        // typed in lower case: the same code
        ok(node.post("/games/join-by-code", new JsonObject().put("join_code", code.toLowerCase()), c));

        String unknown = code.equals("ZZZZZZ") ? "YYYYYY" : "ZZZZZZ";
        problem(node.post("/games/join-by-code", new JsonObject().put("join_code", unknown), c), 404, "not-found");
        assertThat(NodeFixture.fields(node.post("/games/join-by-code", new JsonObject().put("join_code", "AB-12"), c)))
                .containsExactly("join_code");
        assertThat(NodeFixture.fields(node.post("/games/join-by-code", new JsonObject().put("code", code), c)))
                .containsExactlyInAnyOrder("join_code", "code");
        assertThat(NodeFixture.fields(node.post("/games/join-by-code", new JsonObject().put("join_code", 123456), c)))
                .containsExactly("join_code");
    }

    // ---- ready check and host controls -----------------------------------------------------------------

    @Test
    void theGameStartsByTheReadyCheckOrItsHostAndOnlyTheHostKicksAndStarts() {
        Player host = node.player();
        Player b = node.player();
        Player c = node.player();
        String game = create(host, "arena_battle", region(), "max_players", 3);
        join(game, b);
        join(game, c);

        problem(node.post("/games/" + game + "/start", null, b), 403, "forbidden");
        problem(node.post("/games/" + game + "/kick", new JsonObject().put("player_id", c.id()), b), 403, "forbidden");
        problem(node.post("/games/" + game + "/start", null, host), 403, "players-not-ready");
        ok(node.post("/games/" + game + "/ready", ready(true), b));
        problem(node.post("/games/" + game + "/start", new JsonObject().put("force", false), host), 403,
                "players-not-ready");

        JsonObject kicked = ok(node.post("/games/" + game + "/kick", new JsonObject().put("player_id", c.id()), host));
        assertThat(kicked.getJsonArray("players").stream().map(p -> ((JsonObject) p).getString("player")))
                .containsExactly(host.id(), b.id());
        problem(node.post("/games/" + game + "/join", null, c), 403, "kicked");
        problem(node.post("/games/" + game + "/kick", new JsonObject().put("player_id", c.id()), host), 403,
                "not-participant");

        JsonObject started = ok(node.post("/games/" + game + "/start", null, host)); // b is ready: no force needed
        assertThat(started.getString("status")).isEqualTo("running");
        problem(node.post("/games/" + game + "/ready", ready(false), b), 403, "already-started");
    }

    @Test
    void everyoneReadyStartsTheGameAndMatchReadyWorksOnTheSocket() {
        Player host = node.player();
        Player b = node.player();
        String game = create(host, "connect_four", region());
        join(game, b);
        try (WsClient ws = node.socket(b)) {
            ws.send(WsClient.msg("match.join", "game_id", game));
            ws.await("match.state");
            ws.send(WsClient.msg("match.ready", "game_id", game, "ready", "yes", "rid", 1));
            assertThat(ws.await("error").getString("code")).isEqualTo("bad_message");
            ws.send(WsClient.msg("match.ready", "game_id", game, "ready", true, "rid", 2));
            assertThat(ws.await("ack").getValue("rid")).isEqualTo(2);
            ws.await(f -> MatchesIntegrationTest.hasEvent(f, "player_ready"), "player_ready");
            ok(node.post("/games/" + game + "/ready", ready(true), host));
            ws.await(f -> MatchesIntegrationTest.hasEvent(f, "match_started"), "match_started");
            ws.send(WsClient.msg("match.ready", "game_id", game, "ready", false, "rid", 3));
            assertThat(ws.await("error").getString("code")).isEqualTo("already_started");
        }
    }

    @Test
    void whenTheHostLeavesBeforeTheStartTheLongestSeatedPlayerHosts() {
        Player host = node.player();
        Player b = node.player();
        Player c = node.player();
        String game = create(host, "arena_battle", region());
        join(game, b);
        join(game, c);
        ok(node.post("/games/" + game + "/leave", null, host));
        JsonObject state = ok(node.http().get("/games/" + game + "/state", c.token()));
        assertThat(state.getString("host")).isEqualTo(b.id());
        problem(node.post("/games/" + game + "/start", new JsonObject().put("force", true), host), 403, "forbidden");
        problem(node.post("/games/" + game + "/start", new JsonObject().put("force", true), c), 403, "forbidden");
        assertThat(ok(node.post("/games/" + game + "/start", new JsonObject().put("force", true), b))
                .getString("status")).isEqualTo("running");
    }

    // ---- live updates ----------------------------------------------------------------------------------

    /**
     * A barrier: the lobby answers on its own context after the changes already queued there, so once this
     * reply is in, every change of the requests made before it has reached this socket.
     */
    static void sync(WsClient ws) {
        ws.send(WsClient.msg("lobby.unsubscribe", "rid", "probe"));
        ws.await(f -> "probe".equals(f.getValue("rid")), "probe reply");
    }

    @Test
    void subscribersSeeGamesAddedMergedUpdatesAndRemoved() {
        Player host = node.player();
        Player b = node.player();
        Player c = node.player();
        Player watcher = node.player();
        String here = region();
        try (WsClient ws = node.socket(watcher);
             WsClient other = node.socket(watcher)) {
            ws.send(WsClient.msg("lobby.subscribe", "region", here, "rid", "s1"));
            JsonObject subscribed = ws.await("lobby.subscribed");
            assertThat(subscribed.getValue("rid")).isEqualTo("s1");
            assertThat(subscribed.getJsonArray("games")).isEmpty();

            String game = create(host, "arena_battle", here, "max_players", 4);
            JsonObject added = ws.awaitMatchFrame("lobby.game_added", game).getJsonObject("game");
            assertThat(added.getInteger("player_count")).isEqualTo(1);
            assertThat(added.getString("host")).isEqualTo(host.id());

            // two joins within the interval: merged into one update carrying the latest state
            join(game, b);
            join(game, c);
            ws.send(WsClient.msg("lobby.subscribe", "region", here, "rid", "s2")); // re-subscribe: also a barrier
            JsonObject again = ws.await("lobby.subscribed");
            assertThat(again.getJsonArray("games").getJsonObject(0).getInteger("player_count")).isEqualTo(1);
            assertThat(ws.drain("lobby.game_updated")).isEmpty();

            node.clock().advance(LobbyTracker.UPDATE_INTERVAL);
            JsonObject updated = ws.awaitMatchFrame("lobby.game_updated", game).getJsonObject("game");
            assertThat(updated.getInteger("player_count")).isEqualTo(3);
            assertThat(updated.getInteger("ready_count")).isZero();

            ok(node.post("/games/" + game + "/ready", ready(true), b));
            node.clock().advance(LobbyTracker.UPDATE_INTERVAL);
            assertThat(ws.awaitMatchFrame("lobby.game_updated", game).getJsonObject("game").getInteger("ready_count"))
                    .isEqualTo(1);

            // another region's game is filtered out; a start removes the game at once
            String elsewhere = create(host, "arena_battle", region());
            ok(node.post("/games/" + game + "/start", new JsonObject().put("force", true), host));
            JsonObject removed = ws.awaitMatchFrame("lobby.game_removed", game);
            assertThat(removed.getString("region")).isEqualTo(here);
            sync(ws);
            assertThat(ws.drain("lobby.game_added")).noneMatch(f -> f.getJsonObject("game").getString("game_id")
                    .equals(elsewhere));

            // unsubscribed (by the barrier above): no more lobby frames
            String later = create(host, "arena_battle", here);
            other.send(WsClient.msg("lobby.subscribe", "region", here));
            JsonArray seen = other.await("lobby.subscribed").getJsonArray("games");
            assertThat(seen.stream().map(g -> ((JsonObject) g).getString("game_id"))).contains(later);
            ws.send(WsClient.msg("lobby.unsubscribe", "rid", "u2"));
            assertThat(ws.await("error").getString("code")).isEqualTo("not_subscribed");
            assertThat(ws.drain("lobby.game_added")).isEmpty();
        }
    }

    /** The game's {@code spectators} in {@code GET /games?watchable=true} (what the live list mirrors). */
    static int watchers(String game, Player p) {
        Response r = node.http().get("/games?status=running&watchable=true", p.token());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().getJsonArray("games").stream().map(g -> (JsonObject) g)
                .filter(g -> g.getString("game_id").equals(game)).findFirst().orElseThrow().getInteger("spectators");
    }

    static List<String> liveIds(JsonObject subscribed) {
        return subscribed.getJsonArray("live_games").stream().map(g -> ((JsonObject) g).getString("game_id")).toList();
    }

    @Test
    void aWatchableMatchStartingAndEndingIsPushedToLiveSubscribersOnly() {
        Player host = node.player();
        Player b = node.player();
        Player watcher = node.player();
        String here = region();
        try (WsClient ws = node.socket(watcher);
             WsClient openOnly = node.socket(watcher)) {
            ws.send(WsClient.msg("lobby.subscribe", "region", here, "live", true, "rid", "s1"));
            JsonObject subscribed = ws.await("lobby.subscribed");
            assertThat(subscribed.getJsonArray("live_games")).isEmpty();
            assertThat(subscribed.getInteger("live_count")).isZero();
            openOnly.send(WsClient.msg("lobby.subscribe", "region", here, "rid", "o1"));
            assertThat(openOnly.await("lobby.subscribed").containsKey("live_games")).isFalse();

            // a friends-only game is never live; a public one is, from its start: removed from the open list and
            // added to the live one at once
            JsonObject made = ok(node.post("/games/create", new JsonObject().put("mode", "connect_four")
                    .put("region", here).put("private", true), host));
            String secret = made.getString("game_id");
            ok(node.post("/games/" + secret + "/join", new JsonObject().put("join_code", made.getString("join_code")), b));
            ok(node.post("/games/" + secret + "/start", new JsonObject().put("force", true), host));
            String game = create(host, "connect_four", here);
            join(game, b);
            ok(node.post("/games/" + game + "/start", new JsonObject().put("force", true), host));
            ws.awaitMatchFrame("lobby.game_removed", game);
            JsonObject live = ws.awaitMatchFrame("lobby.live_added", game).getJsonObject("game");
            assertThat(live.getString("mode")).isEqualTo("connect_four");
            assertThat(live.getString("region")).isEqualTo(here);
            assertThat(live.getString("owner_node")).isNotBlank();
            assertThat(live.getJsonArray("players").stream().map(p -> ((JsonObject) p).getString("player")))
                    .containsExactlyInAnyOrder(host.id(), b.id());
            assertThat(live.getInteger("spectators")).isZero();

            // two spectators within the second: one update, with both; GET /games agrees
            try (WsClient s1 = node.socket(node.player()); WsClient s2 = node.socket(node.player())) {
                s1.send(WsClient.msg("match.spectate", "game_id", game));
                s2.send(WsClient.msg("match.spectate", "game_id", game));
                assertThat(s1.await("match.state").getInteger("spectators")).isPositive();
                assertThat(s2.await("match.state").getInteger("spectators")).isPositive();
                assertThat(watchers(game, watcher)).isEqualTo(2);
                // re-subscribing is a barrier (the counts reached the lobby before): the last count sent is kept
                ws.send(WsClient.msg("lobby.subscribe", "region", here, "live", true, "rid", "b1"));
                assertThat(ws.await(f -> "b1".equals(f.getValue("rid")), "b1").getJsonArray("live_games")
                        .getJsonObject(0).getInteger("spectators")).isZero();
                assertThat(ws.drain("lobby.live_updated")).as("merged until a second after live_added").isEmpty();
                node.clock().advance(LobbyTracker.LIVE_UPDATE_INTERVAL);
                JsonObject counted = ws.awaitMatchFrame("lobby.live_updated", game).getJsonObject("game");
                assertThat(counted.getInteger("spectators")).isEqualTo(2);
                assertThat(counted.getJsonArray("players")).hasSize(2);

                // one stops watching, the other's socket closes: the count drops to none
                s1.send(WsClient.msg("match.leave", "game_id", game));
                s1.await("match.left");
                s2.close();
                dev.arena.testing.Eventually.until(() -> watchers(game, watcher), n -> n == 0, "no spectators");
                node.clock().advance(LobbyTracker.LIVE_UPDATE_INTERVAL);
                ws.await(f -> "lobby.live_updated".equals(f.getString("type"))
                        && f.getJsonObject("game").getInteger("spectators") == 0, "spectators 0 pushed");
            }

            // a new subscriber finds it in its snapshot
            ws.send(WsClient.msg("lobby.subscribe", "region", here, "live", true, "rid", "s2"));
            assertThat(liveIds(ws.await(f -> "s2".equals(f.getValue("rid")), "s2"))).containsExactly(game);

            // the end (a player leaves a running game: a forfeit) removes it at once
            ok(node.post("/games/" + game + "/leave", null, b));
            JsonObject removed = ws.awaitMatchFrame("lobby.live_removed", game);
            assertThat(removed.getString("mode")).isEqualTo("connect_four");
            sync(ws);
            assertThat(ws.drain("lobby.live_added")).as("the friends-only game").isEmpty();
            sync(openOnly);
            assertThat(openOnly.drain("lobby.live_added")).as("not asked for").isEmpty();
            assertThat(openOnly.drain("lobby.live_removed")).as("not asked for").isEmpty();
        }
    }

    @Test
    void badLobbyMessagesAreRefused() {
        Player p = node.player();
        try (WsClient ws = node.socket(p)) {
            ws.send(WsClient.msg("lobby.subscribe", "region", "EU WEST", "rid", 1));
            assertThat(ws.await("error").getString("code")).isEqualTo("bad_message");
            ws.send(WsClient.msg("lobby.subscribe", "mode", 5, "rid", 2));
            assertThat(ws.await("error").getString("code")).isEqualTo("bad_message");
            ws.send(WsClient.msg("lobby.subscribe", "live", "yes", "rid", 3));
            JsonObject error = ws.await("error");
            assertThat(error.getString("code")).isEqualTo("bad_message");
            assertThat(error.getString("message")).contains("live");
            ws.send(WsClient.msg("match.ready", "game_id", "nope", "ready", true));
            assertThat(ws.await("error").getString("code")).isEqualTo("bad_message");
            ws.send(WsClient.msg("match.ready", "game_id", UUID.randomUUID().toString(), "ready", true));
            assertThat(ws.await("error").getString("code")).isEqualTo("not_found");
        }
    }
}
