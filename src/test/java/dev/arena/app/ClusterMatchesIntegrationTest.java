package dev.arena.app;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.ConnectFourGame;
import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.TestRedis;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Matches across two real nodes sharing PostgreSQL and Redis: a game runs on the node that created it, players
 * and HTTP callers on the other node reach it through Redis, errors are the same on both nodes, and a match whose
 * owner stops or dies ends for the players elsewhere. Nodes that stop or crash are extra ones.
 */
class ClusterMatchesIntegrationTest {
    @RegisterExtension
    static final TestCluster cluster = new TestCluster("m");
    /** To look at the game directory. */
    private static final Redis redis = TestRedis.client(cluster.vertx());

    /** An extra node (closed with the cluster). */
    static ArenaNode node(String name) throws Exception {
        return cluster.node(name);
    }

    static Player player() {
        var auth = await(cluster.node1().identity().guest("device-" + UUID.randomUUID()));
        return Player.of(auth);
    }

    static Http http(ArenaNode node) {
        return new Http(URI.create("http://127.0.0.1:" + node.port()));
    }

    static JsonObject create(ArenaNode node, Player owner, JsonObject body) {
        Response r = http(node).post("/games/create", body, owner.token());
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json();
    }

    static JsonObject ok(Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    static JsonObject state(ArenaNode node, String id, Player p) {
        return ok(http(node).get("/games/" + id + "/state", p.token()));
    }

    /** Polls the game's state (bounded) until it has the status. */
    static void awaitStatus(ArenaNode node, String id, Player p, String status) {
        Eventually.until(() -> state(node, id, p).getString("status"), status::equals, "game " + id + " " + status);
    }

    static WsClient socket(ArenaNode node, Player p) {
        return WsClient.gateway(cluster.vertx(), node.port(), p.token());
    }

    static JsonObject msg(String type, String gameId) {
        return new JsonObject().put("type", type).put("game_id", gameId);
    }

    static JsonObject drop(String gameId, int column) {
        return ConnectFourGame.drop(gameId, column);
    }

    static boolean hasEvent(JsonObject frame, String type) {
        return ConnectFourGame.hasEvent(frame, type);
    }

    /** Move {@code n}'s disc reached the sockets on both nodes. */
    static void discSeenOnBoth(WsClient onNode1, WsClient onNode2, int n) {
        onNode1.await(f -> hasEvent(f, "disc"), "disc " + n + " on node 1");
        onNode2.await(f -> hasEvent(f, "disc"), "disc " + n + " on node 2");
    }

    static String nodeId(ArenaNode n) {
        return n.config().nodeId();
    }

    /**
     * A running connect_four game created on {@code owner}, joined and readied by {@code second} over HTTP on
     * {@code via}, readied by {@code first} on the owner (a lobby game starts when everyone is ready).
     */
    static String startedMatch(ArenaNode owner, Player first, ArenaNode via, Player second) {
        String id = create(owner, first, new JsonObject().put("mode", "connect_four")).getString("game_id");
        assertThat(ok(http(via).post("/games/" + id + "/join", null, second.token())).getString("status"))
                .isEqualTo("waiting");
        ok(http(via).post("/games/" + id + "/ready", new JsonObject().put("ready", true), second.token()));
        JsonObject started = ok(http(owner).post("/games/" + id + "/ready", new JsonObject().put("ready", true),
                first.token()));
        assertThat(started.getString("status")).isEqualTo("running");
        return id;
    }

    @Test
    void playersOnTwoNodesPlayOneMatchToTheEnd() {
        Player a = player();
        Player b = player();
        String id = create(cluster.node1(), a, new JsonObject().put("mode", "connect_four")).getString("game_id");
        // joined over HTTP on the other node: the owner runs the join and answers
        JsonObject joined = ok(http(cluster.node2()).post("/games/" + id + "/join", null, b.token()));
        assertThat(joined.getString("owner_node")).isEqualTo(nodeId(cluster.node1()));
        assertThat(joined.getString("status")).isEqualTo("waiting");

        try (WsClient onNode1 = socket(cluster.node1(), a); WsClient onNode2 = socket(cluster.node2(), b)) {
            onNode2.send(msg("match.join", id).put("rid", "j2"));
            JsonObject snapshot = onNode2.await("match.state");
            assertThat(snapshot.getValue("rid")).isEqualTo("j2");
            assertThat(snapshot.getString("game_id")).isEqualTo(id);
            assertThat(snapshot.getString("status")).isEqualTo("waiting");
            onNode1.send(msg("match.join", id).put("rid", 1));
            assertThat(onNode1.await("match.state").getValue("rid")).isEqualTo(1);
            // the ready check from the other node's socket, then the host starts it from the other node over HTTP
            onNode2.send(msg("match.ready", id).put("ready", true).put("rid", "ready"));
            assertThat(onNode2.await("ack").getValue("rid")).isEqualTo("ready");
            onNode1.await(f -> hasEvent(f, "player_ready"), "player_ready on node 1");
            JsonObject started = ok(http(cluster.node2()).post("/games/" + id + "/start",
                    new JsonObject().put("force", true), a.token()));
            assertThat(started.getString("status")).isEqualTo("running");
            onNode2.await(f -> hasEvent(f, "match_started"), "match_started on node 2");
            for (ArenaNode n : List.of(cluster.node1(), cluster.node2())) {
                JsonObject s = state(n, id, b);
                assertThat(s.getString("owner_node")).as("seen from %s", nodeId(n)).isEqualTo(nodeId(cluster.node1()));
                assertThat(s.getString("status")).isEqualTo("running");
                assertThat(s.getJsonArray("players").size()).isEqualTo(2);
            }
            String first = started.getJsonObject("state").getString("to_move");
            WsClient r = first.equals(a.id()) ? onNode1 : onNode2;
            WsClient y = r == onNode1 ? onNode2 : onNode1;
            Player red = r == onNode1 ? a : b;

            // refusals come back from the owner with the match's codes, on whichever node the player is
            ConnectFourGame.assertRefusals(r, y, id);
            // a numbered input relayed from the other node: the owner's frame acknowledges it on both nodes
            onNode2.send(drop(id, 9).put("seq", 77));
            assertThat(onNode2.await("error").getString("code")).isIn("out_of_range", "not_your_turn");
            JsonObject ack = onNode2.await(f -> f.containsKey("acks"), "the acknowledgement on node 2");
            assertThat(ack.getJsonObject("acks").getMap()).isEqualTo(Map.of(b.id(), 77));
            assertThat(onNode1.await(f -> f.containsKey("acks"), "the acknowledgement on node 1")).isEqualTo(ack);

            ConnectFourGame.redWins(r, y, id, n -> discSeenOnBoth(onNode1, onNode2, n));
            JsonObject end = onNode2.await("match.end");
            assertThat(end.getString("game_id")).isEqualTo(id);
            assertThat(end.getJsonObject("result").getString("reason")).isEqualTo("four_in_a_row");
            assertThat(end.getJsonObject("result").getJsonObject("outcome").getString("player")).isEqualTo(red.id());
            assertThat(onNode1.await("match.end")).isEqualTo(end);

            onNode2.send(drop(id, 2));
            assertThat(onNode2.await("error").getString("code")).isEqualTo("ended");
        }
        for (ArenaNode n : List.of(cluster.node1(), cluster.node2())) {
            JsonObject s = state(n, id, a);
            assertThat(s.getString("status")).isEqualTo("finished");
            assertThat(s.getString("owner_node")).isEqualTo(nodeId(cluster.node1()));
        }
    }

    @Test
    void aRelayedGameOnOneNodeIsReportedFromTheOtherAndItsReplayWaitsForTheEnd() {
        ArenaNode n1 = cluster.node1();
        ArenaNode n2 = cluster.node2();
        Player a = player();
        Player b = player();
        String id = create(n1, a, new JsonObject().put("mode", "relay").put("max_players", 2)).getString("game_id");
        ok(http(n2).post("/games/" + id + "/join", null, b.token()));
        ok(http(n2).post("/games/" + id + "/ready", new JsonObject().put("ready", true), b.token()));
        ok(http(n1).post("/games/" + id + "/ready", new JsonObject().put("ready", true), a.token()));
        awaitStatus(n2, id, b, "running");
        // no replay while it runs, whichever node is asked
        assertThat(http(n2).get("/games/" + id + "/replay", b.token()).status()).isEqualTo(409);

        Response done = http(n2).post("/games/" + id + "/finish",
                new JsonObject().put("result", new JsonObject().put("winner", b.id())), b.token());
        assertThat(done.status()).as("%s", done).isEqualTo(202);
        assertThat(done.json().getJsonObject("result").getJsonObject("outcome").getString("player")).isEqualTo(b.id());
        Response again = http(n2).post("/games/" + id + "/finish",
                new JsonObject().put("result", new JsonObject().put("winner", a.id())), a.token());
        assertThat(again.status()).isEqualTo(409);
        JsonObject replay = Eventually.until(() -> http(n2).get("/games/" + id + "/replay", b.token()),
                r -> r.status() == 200, "the stored replay").json();
        assertThat(replay.getString("owner_node")).isEqualTo(nodeId(n1));
        assertThat(replay.getString("reported_by")).isEqualTo(b.id());
    }

    @Test
    void playersMatchmadeOnTwoNodesPlayTheirMatchFromTheirOwnNodes() {
        Player a = player();
        Player b = player();
        String region = "x-" + UUID.randomUUID().toString().substring(0, 8);
        try (WsClient onNode1 = socket(cluster.node1(), a); WsClient onNode2 = socket(cluster.node2(), b)) {
            for (WsClient w : List.of(onNode1, onNode2)) {
                w.send(new JsonObject().put("type", "mm.enqueue").put("mode", "connect_four")
                        .put("properties", new JsonObject().put("region", region)));
                assertThat(w.await("mm.ticket").getJsonObject("ticket").getString("status")).isEqualTo("waiting");
            }
            // whichever node holds the connect_four lease forms the match and runs the game
            JsonObject m1 = onNode1.await("mm.matched");
            JsonObject m2 = onNode2.await("mm.matched");
            String id = m1.getString("game_id");
            assertThat(m2.getString("game_id")).isEqualTo(id);
            onNode1.send(msg("match.join", id));
            JsonObject snapshot = onNode1.await("match.state");
            onNode2.send(msg("match.join", id));
            onNode2.await("match.state");
            awaitStatus(cluster.node2(), id, b, "running");
            String first = state(cluster.node1(), id, a).getJsonObject("state").getString("to_move");
            WsClient r = first.equals(a.id()) ? onNode1 : onNode2;
            WsClient y = r == onNode1 ? onNode2 : onNode1;
            ConnectFourGame.redWins(r, y, id, n -> discSeenOnBoth(onNode1, onNode2, n));
            assertThat(onNode1.await("match.end").getJsonObject("result").getString("reason"))
                    .isEqualTo("four_in_a_row");
            assertThat(onNode2.await("match.end").getJsonObject("result").getString("reason"))
                    .isEqualTo("four_in_a_row");
            assertThat(snapshot.getString("game_id")).isEqualTo(id);
        }
    }

    @Test
    void aSpectatorOnTheOtherNodeSeesTheFramesAndCannotPlay() {
        Player a = player();
        Player b = player();
        Player s = player();
        String id = startedMatch(cluster.node1(), a, cluster.node1(), b);
        String first = state(cluster.node1(), id, a).getJsonObject("state").getString("to_move");
        try (WsClient red = socket(cluster.node1(), first.equals(a.id()) ? a : b); WsClient watcher = socket(cluster.node2(), s)) {
            red.send(msg("match.join", id));
            red.await("match.state");
            watcher.send(msg("match.join", id)); // not seated
            assertThat(watcher.await("error").getString("code")).isEqualTo("not_participant");
            watcher.send(msg("match.spectate", id));
            assertThat(watcher.await("match.state").getInteger("spectators")).isEqualTo(1);
            watcher.send(drop(id, 0));
            assertThat(watcher.await("error").getString("code")).isEqualTo("spectator");
            red.send(drop(id, 3));
            assertThat(watcher.await(f -> hasEvent(f, "disc"), "disc").getString("game_id")).isEqualTo(id);
            watcher.send(msg("match.leave", id).put("rid", "bye"));
            assertThat(watcher.await("match.left").getValue("rid")).isEqualTo("bye");
            watcher.send(msg("match.leave", id).put("rid", "again"));
            assertThat(watcher.await("error").getString("code")).isEqualTo("not_participant");
        }
    }

    @Test
    void aSocketClosedOnTheOtherNodeDisconnectsItsPlayerOnTheOwner() {
        Player a = player();
        Player b = player();
        String id = startedMatch(cluster.node1(), a, cluster.node2(), b);
        try (WsClient owner = socket(cluster.node1(), a)) {
            owner.send(msg("match.join", id));
            owner.await("match.state");
            try (WsClient remote = socket(cluster.node2(), b)) {
                remote.send(msg("match.join", id));
                remote.await("match.state");
            }
            owner.await(f -> hasEvent(f, "player_disconnected"), "player_disconnected");
            JsonObject seat = state(cluster.node2(), id, a).getJsonArray("players").stream().map(p -> (JsonObject) p)
                    .filter(p -> p.getString("player").equals(b.id())).findFirst().orElseThrow();
            assertThat(seat.getBoolean("connected")).isFalse();
            try (WsClient back = socket(cluster.node2(), b)) {
                back.send(msg("match.join", id));
                back.await("match.state");
                owner.await(f -> hasEvent(f, "player_reconnected"), "player_reconnected");
                // leaving for good from the other node is a forfeit on the owner
                back.send(msg("match.leave", id).put("rid", "quit"));
                back.await("match.left");
                JsonObject end = owner.await("match.end");
                assertThat(end.getJsonObject("result").getString("reason")).isEqualTo("forfeit");
                assertThat(end.getJsonObject("result").getJsonObject("outcome").getString("player")).isEqualTo(a.id());
            }
        }
    }

    @Test
    void httpAnswersAreTheSameOnEveryNode() {
        Player a = player();
        Player b = player();
        Player c = player();
        String unknown = UUID.randomUUID().toString();
        Response here = http(cluster.node1()).get("/games/" + unknown + "/state", a.token());
        Response there = http(cluster.node2()).get("/games/" + unknown + "/state", a.token());
        assertThat(here.status()).isEqualTo(404);
        assertThat(there.status()).isEqualTo(404);
        assertThat(there.json()).isEqualTo(here.json());
        assertThat(http(cluster.node2()).post("/games/" + unknown + "/join", null, a.token()).status()).isEqualTo(404);

        JsonObject game = create(cluster.node1(), a, new JsonObject().put("mode", "connect_four").put("private", true));
        String id = game.getString("game_id");
        String code = game.getString("join_code");
        Response noCode1 = http(cluster.node1()).post("/games/" + id + "/join", null, c.token());
        Response noCode2 = http(cluster.node2()).post("/games/" + id + "/join", null, b.token());
        assertThat(noCode2.status()).as("%s", noCode2).isEqualTo(403);
        assertThat(noCode2.json()).isEqualTo(noCode1.json());
        assertThat(noCode2.json().getString("type")).endsWith("join-code-required");
        Response wrong = http(cluster.node2()).post("/games/" + id + "/join", new JsonObject().put("join_code", "XXXXXX"), b.token());
        assertThat(wrong.json().getString("type")).endsWith("wrong-join-code");
        Response hidden = http(cluster.node2()).get("/games/" + id + "/state", b.token());
        assertThat(hidden.status()).isEqualTo(403);
        assertThat(hidden.json()).isEqualTo(http(cluster.node1()).get("/games/" + id + "/state", c.token()).json());
        Response notSeated = http(cluster.node2()).post("/games/" + id + "/leave", null, b.token());
        assertThat(notSeated.status()).isEqualTo(403);

        JsonObject joined = ok(http(cluster.node2()).post("/games/" + id + "/join", new JsonObject().put("join_code", code),
                b.token()));
        assertThat(joined.containsKey("join_code")).isFalse();
        assertThat(state(cluster.node2(), id, b).getString("owner_node")).isEqualTo(nodeId(cluster.node1()));
        Response notHost = http(cluster.node2()).post("/games/" + id + "/kick",
                new JsonObject().put("player_id", a.id()), b.token());
        Response notHostHere = http(cluster.node1()).post("/games/" + id + "/kick",
                new JsonObject().put("player_id", a.id()), b.token());
        assertThat(notHost.status()).as("%s", notHost).isEqualTo(403);
        assertThat(notHost.json()).isEqualTo(notHostHere.json());
        ok(http(cluster.node2()).post("/games/" + id + "/start", new JsonObject().put("force", true), a.token()));
        ok(http(cluster.node2()).post("/games/" + id + "/leave", null, b.token())); // a forfeit: a wins at the next tick
        awaitStatus(cluster.node2(), id, a, "finished");
        Response again = http(cluster.node2()).post("/games/" + id + "/join", new JsonObject().put("join_code", code), b.token());
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.json().getString("type")).endsWith("ended");
    }

    @Test
    void listingsShowTheGamesOfEveryNode() {
        Player a = player();
        Player b = player();
        String onNode1 = create(cluster.node1(), a, new JsonObject().put("mode", "connect_four")).getString("game_id");
        String onNode2 = create(cluster.node2(), b, new JsonObject().put("mode", "connect_four")).getString("game_id");
        String hidden = create(cluster.node1(), a, new JsonObject().put("mode", "connect_four").put("private", true))
                .getString("game_id");
        for (ArenaNode n : List.of(cluster.node1(), cluster.node2())) {
            List<JsonObject> games = ok(http(n).get("/games?mode=connect_four&status=waiting", a.token()))
                    .getJsonArray("games").stream().map(g -> (JsonObject) g).toList();
            assertThat(games.stream().map(g -> g.getString("game_id"))).as("from %s", nodeId(n))
                    .contains(onNode1, onNode2).doesNotContain(hidden);
            assertThat(games.stream().filter(g -> g.getString("game_id").equals(onNode2)).findFirst().orElseThrow()
                    .getString("owner_node")).isEqualTo(nodeId(cluster.node2()));
        }
    }

    @Test
    void whenTheOwnerStopsThePlayersElsewhereGetMatchEnd() throws Exception {
        // its matches end ("shutdown") before it leaves; if a frame were lost, its missing heartbeat says "owner_lost"
        assertThat(endOnNode2WhenTheOwnerGoes(node("m3"), ArenaNode::close).getString("reason"))
                .isIn("shutdown", "owner_lost");
    }

    @Test
    void whenTheOwnerDiesThePlayersElsewhereGetMatchEndOwnerLost() throws Exception {
        // no frames, no goodbyes: node 2 notices the missing heartbeat within the TTL (2 s)
        JsonObject result = endOnNode2WhenTheOwnerGoes(node("m4"), ArenaNode::crash);
        assertThat(result.getString("reason")).isEqualTo("owner_lost");
        assertThat(result.getJsonArray("standings")).isEmpty();
    }

    /**
     * A running game on {@code owner} with a player attached from node 2; after {@code going}, that player gets an
     * abandoned {@code match.end} and the game is gone from the directory. Returns the end's result.
     */
    private static JsonObject endOnNode2WhenTheOwnerGoes(ArenaNode owner, Consumer<ArenaNode> going) {
        Player a = player();
        Player b = player();
        String id = startedMatch(owner, a, cluster.node2(), b);
        try (WsClient remote = socket(cluster.node2(), b)) {
            remote.send(msg("match.join", id));
            remote.await("match.state");

            going.accept(owner);

            JsonObject end = remote.await("match.end");
            assertThat(end.getString("game_id")).isEqualTo(id);
            assertThat(end.getJsonObject("result").getJsonObject("outcome").getString("type")).isEqualTo("abandoned");
            Eventually.until(() -> await(redis.send(Request.cmd(Command.EXISTS).arg("arena:game:" + id))).toLong(),
                    n -> n == 0, "the directory entry of " + id + " removed");
            for (ArenaNode n : List.of(cluster.node1(), cluster.node2())) {
                Response r = http(n).get("/games/" + id + "/state", b.token()); // gone, or finished in storage
                assertThat(r.status() == 404 || r.json().getString("status").equals("finished")).as("%s", r).isTrue();
            }
            remote.send(drop(id, 0));
            assertThat(remote.await("error").getString("code")).isEqualTo("not_found");
            return end.getJsonObject("result");
        }
    }
}
