package dev.arena.gateway.ws;

import static dev.arena.testing.Futures.await;
import static dev.arena.testing.WsClient.join;
import static dev.arena.testing.WsClient.msg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.app.ArenaNode;
import dev.arena.identity.Role;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chat through the gateway and the legacy chat socket: filtering, persistence, history, DMs, moderation. */
class GatewayChatIntegrationTest {
    @RegisterExtension
    static final NodeFixture testNode = new NodeFixture();
    static ArenaNode node;
    static String moderatorToken;

    @BeforeAll
    static void start() throws Exception {
        node = testNode.arena();
        await(node.identity().createPrivileged("mod_" + UUID.randomUUID().toString().substring(0, 8), "moderator-pass",
                Role.MODERATOR).compose(p -> node.identity().login(p.username(), "moderator-pass", "127.0.0.1"))
                .map(r -> moderatorToken = r.token()));
    }

    static String token() {
        return testNode.player().token();
    }

    static int post(String path, String token, JsonObject body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    @Test
    void chatIsFilteredStoredBroadcastAndPaged() {
        String room = "lobby-" + UUID.randomUUID().toString().substring(0, 6);
        try (WsClient a = WsClient.gateway(testNode.vertx(), node.port(), token());
             WsClient b = WsClient.gateway(testNode.vertx(), node.port(), token())) {
            join(a, room);
            join(b, room);
            a.send(msg("chat.send", "room", room, "message", "hello there", "rid", "c1"));
            a.send(msg("chat.send", "room", room, "message", "you are a F.u.C.k.e.r"));
            JsonObject ack = a.await("ack");
            assertThat(ack.getString("rid")).isEqualTo("c1");
            assertThat(ack.getLong("id")).isPositive();
            assertThat(ack.getLong("seq")).isEqualTo(1L);
            for (WsClient c : new WsClient[] {a, b}) {
                JsonObject m1 = c.await("chat.message");
                JsonObject m2 = c.await("chat.message");
                assertThat(m1.getString("message")).isEqualTo("hello there");
                assertThat(m1.getString("display_name")).startsWith("Guest-");
                assertThat(m2.getString("message")).doesNotContainIgnoringCase("u.c.k").contains("*");
                assertThat(m2.getLong("seq")).isEqualTo(2L);
            }
            for (int i = 0; i < 5; i++) {
                a.send(msg("chat.send", "room", room, "message", "line " + i, "rid", "l" + i));
                a.await("ack");
            }
            b.send(msg("chat.history", "room", room, "limit", 4, "rid", "h1"));
            JsonObject page = b.await("chat.history");
            assertThat(page.getJsonArray("messages")).hasSize(4);
            assertThat(page.getJsonArray("messages").getJsonObject(3).getString("message")).isEqualTo("line 4");
            b.send(msg("chat.history", "room", room, "limit", 4, "before", page.getLong("next_before"), "rid", "h2"));
            JsonObject older = b.await("chat.history");
            assertThat(older.getJsonArray("messages")).hasSize(3);
            assertThat(older.getJsonArray("messages").getJsonObject(0).getString("message")).isEqualTo("hello there");
            b.send(msg("chat.send", "room", room, "message", ""));
            assertThat(b.await("error").getString("code")).isEqualTo("bad_message");
            b.send(msg("chat.send", "room", "not-joined", "message", "hi"));
            assertThat(b.await("error").getString("code")).isEqualTo("not_member");
        }
    }

    @Test
    void mutedPlayersGetAnErrorWithTheReasonNotSilence() throws Exception {
        String room = "mute-" + UUID.randomUUID().toString().substring(0, 6);
        try (WsClient a = WsClient.gateway(testNode.vertx(), node.port(), token())) {
            join(a, room);
            String player = a.welcome().getString("user_id");
            int status = post("/chat/mutes", moderatorToken, new JsonObject().put("player_id", player)
                    .put("duration_seconds", 600).put("reason", "spamming"));
            assertThat(status).isEqualTo(201);
            a.send(msg("chat.send", "room", room, "message", "can you hear me", "rid", "m"));
            JsonObject e = a.await("error");
            assertThat(e.getString("code")).isEqualTo("muted");
            assertThat(e.getString("message")).contains("spamming");
            assertThat(e.getString("rid")).isEqualTo("m");
            assertThat(post("/chat/bans", token(), new JsonObject().put("player_id", player).put("reason", "x")))
                    .as("players cannot ban").isEqualTo(403);
        }
    }

    @Test
    void directMessagesReachEveryConnectionOfBothPlayers() {
        String tb = token();
        try (WsClient a = WsClient.gateway(testNode.vertx(), node.port(), token());
             WsClient b1 = WsClient.gateway(testNode.vertx(), node.port(), tb);
             WsClient b2 = WsClient.gateway(testNode.vertx(), node.port(), tb)) {
            String bId = b1.welcome().getString("user_id");
            a.send(msg("dm.send", "to", bId, "message", "psst", "rid", "d"));
            assertThat(a.await("ack").getLong("id")).isPositive();
            for (WsClient c : new WsClient[] {a, b1, b2}) {
                JsonObject dm = c.await("dm.message");
                assertThat(dm.getString("message")).isEqualTo("psst");
                assertThat(dm.getString("to")).isEqualTo(bId);
                assertThat(dm.getString("from")).isEqualTo(a.welcome().getString("user_id"));
            }
            a.send(msg("dm.send", "to", UUID.randomUUID().toString(), "message", "anyone?"));
            assertThat(a.await("error").getString("code")).isEqualTo("not_found");
            a.send(msg("dm.send", "to", "nobody", "message", "x"));
            assertThat(a.await("error").getString("code")).isEqualTo("bad_message");
        }
    }

    @Test
    void theLegacyChatSocketSpeaksTheOriginalFormatAndSharesTheRoom() {
        String id = "general-" + UUID.randomUUID().toString().substring(0, 6);
        try (WsClient legacy = WsClient.connect(testNode.vertx(), node.port(), "/chat/" + id + "?token=" + token());
             WsClient gw = WsClient.gateway(testNode.vertx(), node.port(), token())) {
            join(gw, "chat:" + id);
            gw.send(msg("presence.list", "room", "chat:" + id, "rid", 1));
            while (gw.await("presence.list").getJsonArray("members").size() < 2) {
                gw.send(msg("presence.list", "room", "chat:" + id, "rid", 1));
            }
            legacy.sendText(new JsonObject().put("message", "hi all").put("user", "spoofed").encode());
            JsonObject line = legacy.await(o -> "hi all".equals(o.getString("message")), "legacy chat line");
            assertThat(line.getString("room_id")).isEqualTo(id);
            assertThat(line.getString("user")).startsWith("Guest-").isNotEqualTo("spoofed");
            assertThat(line.getString("timestamp")).isNotBlank();
            assertThat(gw.await("chat.message").getString("message")).isEqualTo("hi all");
            gw.send(msg("chat.send", "room", "chat:" + id, "message", "from the gateway"));
            assertThat(legacy.await(o -> "from the gateway".equals(o.getString("message")), "gateway line")
                    .getString("room_id")).isEqualTo(id);
            legacy.sendText("{\"msg\":\"wrong field\"}");
            assertThat(legacy.await("error").getString("code")).isEqualTo("bad_message");
        }
    }

    /** Issue 14: what was said on {@code /chat/general} was stored as {@code chat:general}, unreadable by that name. */
    @Test
    void theLegacyChatSocketsHistoryIsReadableByTheNameItWasOpenedWith() {
        String id = "history-" + UUID.randomUUID().toString().substring(0, 6);
        String token = token();
        try (WsClient legacy = WsClient.connect(testNode.vertx(), node.port(), "/chat/" + id + "?token=" + token)) {
            legacy.sendText(new JsonObject().put("message", "remember me").encode());
            legacy.await(o -> "remember me".equals(o.getString("message")), "the line echoed");
        }
        var http = testNode.http();
        for (String name : new String[] {id, "chat:" + id}) {
            var page = http.get("/chat/" + name + "/messages", token);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            assertThat(page.json().getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("message")))
                    .as(name).containsExactly("remember me");
        }
    }
}
