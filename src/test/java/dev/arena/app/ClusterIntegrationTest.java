package dev.arena.app;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.AuthResult;
import dev.arena.identity.Role;
import static dev.arena.testing.WsClient.join;
import static dev.arena.testing.WsClient.msg;

import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real nodes sharing one embedded PostgreSQL and one embedded Redis, with clients on each: rooms, chat,
 * presence, direct messages, resume, node stop and node death across nodes. Nodes that are stopped or crashed
 * are extra ones started by the test that needs them.
 */
class ClusterIntegrationTest {
    @RegisterExtension
    static final TestCluster cluster = new TestCluster("n");

    /** An extra node (closed with the cluster). */
    static ArenaNode node(String name) throws Exception {
        return cluster.node(name);
    }

    static AuthResult guest() {
        return await(cluster.node1().identity().guest("device-" + UUID.randomUUID()));
    }

    static WsClient client(ArenaNode node, String token) {
        return WsClient.gateway(cluster.vertx(), node.port(), token);
    }

    static WsClient client(ArenaNode node) {
        return client(node, guest().token());
    }

    static String room() {
        return "cluster-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String session(WsClient c) {
        return c.welcome().getString("session_id");
    }

    /** @param type {@code presence.join} or {@code presence.leave}: found in a {@code presence.diff} */
    static JsonObject awaitPresence(WsClient c, String type, String room, WsClient of) {
        return c.awaitPresence(room, type.equals("presence.join") ? "joins" : "leaves", session(of));
    }

    static List<String> sessions(JsonArray members) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            out.add(members.getJsonObject(i).getString("session_id"));
        }
        return out;
    }

    @Test
    void aMatchPlayedOnOneNodeRanksItsPlayersOnEveryNodesLeaderboard() {
        AuthResult a = guest();
        AuthResult b = guest();
        var played = dev.arena.testing.ConnectFourGame.play(new dev.arena.testing.Http(
                        java.net.URI.create("http://127.0.0.1:" + cluster.node1().port() + "/")), cluster.vertx(), cluster.node1().port(),
                new dev.arena.testing.Player(a.token(), a.player().id().toString()),
                new dev.arena.testing.Player(b.token(), b.player().id().toString()));
        // the shared Redis board, read through the other node, as soon as the ratings job has run on either node
        var other = new dev.arena.testing.Http(java.net.URI.create("http://127.0.0.1:" + cluster.node2().port() + "/"));
        JsonObject around = dev.arena.testing.Eventually.until(() -> other.get("/leaderboard/global/around/"
                        + played.winner().id() + "?mode=connect_four&radius=1", a.token()),
                r -> r.status() == 200, "the winner on node 2's board").json();
        JsonObject me = around.getJsonArray("entries").stream().map(JsonObject.class::cast)
                .filter(e -> e.getString("player_id").equals(played.winner().id())).findFirst().orElseThrow();
        assertThat(me.getDouble("rating")).isGreaterThan(1500.0);
        dev.arena.testing.Eventually.until(() -> other.get("/players/" + played.loser().id() + "/stats", a.token())
                .json().getInteger("losses"), n -> n == 1, "the loser's stats on node 2");
    }

    @Test
    void clientsOnTwoNodesShareOneRoomWithOneGapFreeSequence() {
        String room = room();
        try (WsClient a = client(cluster.node1()); WsClient b = client(cluster.node2())) {
            join(a, room);
            join(b, room);
            awaitPresence(a, "presence.join", room, b);
            for (int i = 0; i < 20; i++) {
                WsClient sender = i % 2 == 0 ? a : b;
                sender.send(msg("room.send", "room", room, "data", new JsonObject().put("i", i)));
            }
            for (WsClient c : List.of(a, b)) {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    seqs.add(c.await("room.message").getLong("seq"));
                }
                assertThat(seqs).as("seen on %s", c.welcome().getString("node"))
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
            }
        }
    }

    @Test
    void chatSentOnOneNodeArrivesOnTheOtherAndBothHaveItInHistory() {
        String room = room();
        try (WsClient a = client(cluster.node1()); WsClient b = client(cluster.node2())) {
            join(a, room);
            join(b, room);
            a.send(msg("chat.send", "room", room, "message", "hello from node one", "rid", "c1"));
            JsonObject ack = a.await("ack");
            JsonObject there = b.await("chat.message");
            assertThat(there.getString("message")).isEqualTo("hello from node one");
            assertThat(there.getLong("id")).isEqualTo(ack.getLong("id"));
            assertThat(there.getLong("seq")).isEqualTo(ack.getLong("seq"));
            b.send(msg("chat.send", "room", room, "message", "and back from two"));
            assertThat(a.await(o -> "chat.message".equals(o.getString("type"))
                    && "and back from two".equals(o.getString("message")), "reply").getString("from"))
                    .isEqualTo(b.welcome().getString("user_id"));
            for (WsClient c : List.of(a, b)) {
                c.send(msg("chat.history", "room", room, "rid", "h"));
                JsonArray messages = c.await("chat.history").getJsonArray("messages");
                assertThat(messages).hasSize(2);
                assertThat(messages.getJsonObject(0).getString("message")).isEqualTo("hello from node one");
            }
        }
    }

    @Test
    void presenceIsTheSameOnBothNodes() {
        String room = room();
        try (WsClient a = client(cluster.node1()); WsClient b = client(cluster.node2());
             WsClient c = client(cluster.node2())) {
            join(a, room);
            join(b, room);
            JsonObject joined = join(c, room);
            assertThat(sessions(joined.getJsonArray("members")))
                    .containsExactlyInAnyOrder(session(a), session(b), session(c));
            awaitPresence(a, "presence.join", room, c);
            for (WsClient asker : List.of(a, b)) {
                asker.send(msg("presence.list", "room", room, "rid", "p"));
                assertThat(sessions(asker.await("presence.list").getJsonArray("members")))
                        .containsExactlyInAnyOrder(session(a), session(b), session(c));
            }
            b.close();
            awaitPresence(a, "presence.leave", room, b);
            a.send(msg("presence.list", "room", room, "rid", "p2"));
            assertThat(sessions(a.await("presence.list").getJsonArray("members")))
                    .containsExactlyInAnyOrder(session(a), session(c));
        }
    }

    @Test
    void directMessagesReachAPlayerOnTheOtherNode() {
        try (WsClient a = client(cluster.node1()); WsClient b = client(cluster.node2())) {
            String to = b.welcome().getString("user_id");
            a.send(msg("dm.send", "to", to, "message", "psst, other node", "rid", "dm"));
            assertThat(a.await("ack").getString("rid")).isEqualTo("dm");
            JsonObject got = b.await("dm.message");
            assertThat(got.getString("message")).isEqualTo("psst, other node");
            assertThat(got.getString("from")).isEqualTo(a.welcome().getString("user_id"));
            assertThat(a.await("dm.message").getString("to")).as("the sender's own copy").isEqualTo(to);
        }
    }

    @Test
    void aClientResumesOnTheOtherNodeAfterADisconnect() {
        String room = room();
        String token = guest().token();
        try (WsClient sender = client(cluster.node2())) {
            join(sender, room);
            WsClient first = client(cluster.node1(), token);
            join(first, room);
            for (int i = 1; i <= 3; i++) {
                sender.send(msg("room.send", "room", room, "data", i, "rid", "s" + i));
                sender.await("ack");
            }
            for (int i = 1; i <= 3; i++) {
                first.await("room.message");
            }
            first.close();
            for (int i = 4; i <= 6; i++) {
                sender.send(msg("room.send", "room", room, "data", i, "rid", "s" + i));
                sender.await("ack");
            }
            try (WsClient back = client(cluster.node2(), token)) {
                back.send(msg("room.join", "room", room, "last_seq", 3, "rid", "resume"));
                for (int i = 4; i <= 6; i++) {
                    JsonObject m = back.await("room.message");
                    assertThat(m.getLong("seq")).isEqualTo((long) i);
                    assertThat(m.getInteger("data")).isEqualTo(i);
                }
                assertThat(back.await("room.joined").getLong("seq")).isEqualTo(6L);
            }
        }
    }

    @Test
    void aMuteMadeOnOneNodeIsEnforcedOnTheOtherWithoutRestart() throws Exception {
        String room = room();
        String moderator = "cmod" + UUID.randomUUID().toString().substring(0, 6);
        await(cluster.node1().identity().createPrivileged(moderator, "password-" + moderator, Role.MODERATOR));
        String modToken = await(cluster.node1().identity().login(moderator, "password-" + moderator, "127.0.0.1")).token();
        try (WsClient loud = client(cluster.node2())) {
            join(loud, room);
            loud.send(msg("chat.send", "room", room, "message", "before the mute", "rid", "before"));
            assertThat(loud.await("ack").getString("rid")).isEqualTo("before");

            JsonObject body = new JsonObject().put("player_id", loud.welcome().getString("user_id"))
                    .put("room", room).put("duration_seconds", 600).put("reason", "spamming");
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + cluster.node1().port() + "/chat/mutes"))
                    .header("Authorization", "Bearer " + modToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);

            // The change reaches node 2 asynchronously (milliseconds): ask until it answers "muted".
            String code = null;
            for (int i = 0; i < 100 && !"muted".equals(code); i++) {
                String rid = "after-" + i;
                loud.send(msg("chat.send", "room", room, "message", "still here?", "rid", rid));
                JsonObject reply = loud.await(o -> rid.equals(o.getString("rid")), "reply to " + rid);
                code = "error".equals(reply.getString("type")) ? reply.getString("code") : null;
            }
            assertThat(code).isEqualTo("muted");
        }
    }

    @Test
    void aNodeThatStopsGracefullyTakesItsClientsPresenceWithIt() throws Exception {
        ArenaNode leaving = node("n3");
        String room = room();
        try (WsClient watcher = client(cluster.node1()); WsClient goner = client(leaving)) {
            join(watcher, room);
            join(goner, room);
            awaitPresence(watcher, "presence.join", room, goner);

            leaving.close();

            assertThat(goner.awaitClose()).isEqualTo((short) 1001);
            awaitPresence(watcher, "presence.leave", room, goner);
            watcher.send(msg("presence.list", "room", room, "rid", "after"));
            assertThat(sessions(watcher.await("presence.list").getJsonArray("members")))
                    .containsExactly(session(watcher));
        }
    }

    @Test
    void whenANodeDiesTheOthersRemoveItsPresenceAfterTheTtl() throws Exception {
        ArenaNode doomed = node("n4");
        String room = room();
        try (WsClient watcher = client(cluster.node1()); WsClient victim = client(doomed)) {
            join(watcher, room);
            join(victim, room);
            awaitPresence(watcher, "presence.join", room, victim);

            doomed.crash(); // no heartbeats, no goodbyes: the sweepers notice within the TTL (2 s)

            awaitPresence(watcher, "presence.leave", room, victim);
            watcher.send(msg("presence.list", "room", room, "rid", "after"));
            assertThat(sessions(watcher.await("presence.list").getJsonArray("members")))
                    .containsExactly(session(watcher));
        }
    }
}
