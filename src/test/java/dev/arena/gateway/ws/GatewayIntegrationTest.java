package dev.arena.gateway.ws;

import static dev.arena.testing.Futures.await;
import static dev.arena.testing.WsClient.join;
import static dev.arena.testing.WsClient.msg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.app.ArenaNode;
import dev.arena.testing.MutableClock;
import dev.arena.testing.NodeFixture;
import dev.arena.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The gateway socket on one real node (embedded PostgreSQL), driven by real WebSocket clients. */
class GatewayIntegrationTest {
    @RegisterExtension
    static final NodeFixture testNode = new NodeFixture(Map.of("ARENA_WS_RATE", "50", "ARENA_WS_BURST", "100",
            "ARENA_WS_ABUSE_LIMIT", "30", "ARENA_WS_OUTBOUND_QUEUE", "512", "ARENA_TCP_SEND_BUFFER", "16384",
            "ARENA_WS_MAX_MESSAGE", "4KiB", "ARENA_WS_RESUME_BUFFER", "8", "ARENA_WS_HEARTBEAT", "30s",
            "ARENA_WS_IDLE_TIMEOUT", "90s"));
    static ArenaNode node;
    static MutableClock clock;
    static Vertx vertx;

    @BeforeAll
    static void start() {
        node = testNode.arena();
        clock = testNode.clock();
        vertx = testNode.vertx();
    }

    static String token() {
        return testNode.player().token();
    }

    static WsClient client() {
        return WsClient.gateway(vertx, node.port(), token());
    }

    static String room() {
        return "r-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void refusesAnUpgradeWithoutAValidToken() {
        assertThatThrownBy(() -> WsClient.connect(vertx, node.port(), "/ws"))
                .hasRootCauseInstanceOf(UpgradeRejectedException.class)
                .rootCause().extracting(e -> ((UpgradeRejectedException) e).getStatus()).isEqualTo(401);
        assertThatThrownBy(() -> WsClient.connect(vertx, node.port(), "/ws?token=garbage"))
                .rootCause().extracting(e -> ((UpgradeRejectedException) e).getStatus()).isEqualTo(401);
    }

    @Test
    void welcomesThenAnswersPings() {
        try (WsClient c = client()) {
            c.send(msg("ping", "rid", 7));
            assertThat(c.await("pong").getInteger("rid")).isEqualTo(7);
        }
    }

    @Test
    void broadcastsToEveryMemberInSequenceWithAcks() {
        String room = room();
        try (WsClient a = client(); WsClient b = client()) {
            join(a, room);
            join(b, room);
            a.send(msg("room.send", "room", room, "data", new JsonObject().put("x", 1), "rid", "s1"));
            a.send(msg("room.send", "room", room, "data", "two"));
            JsonObject ack = a.await("ack");
            assertThat(ack.getString("rid")).isEqualTo("s1");
            assertThat(ack.getLong("seq")).isEqualTo(1L);
            for (WsClient c : List.of(a, b)) {
                JsonObject m1 = c.await("room.message");
                JsonObject m2 = c.await("room.message");
                assertThat(m1.getLong("seq")).isEqualTo(1L);
                assertThat(m1.getJsonObject("data").getInteger("x")).isEqualTo(1);
                assertThat(m2.getLong("seq")).isEqualTo(2L);
                assertThat(m2.getString("data")).isEqualTo("two");
                assertThat(m1.getString("from")).isNotBlank();
            }
            assertThat(a.drain("ack")).as("no ack without rid").isEmpty();
        }
    }

    @Test
    void onlyMembersMaySendAndReservedRoomsAreRefused() {
        try (WsClient c = client()) {
            c.send(msg("room.send", "room", "elsewhere", "data", 1, "rid", "x"));
            JsonObject e = c.await("error");
            assertThat(e.getString("code")).isEqualTo("not_member");
            assertThat(e.getString("rid")).isEqualTo("x");
            c.send(msg("room.join", "room", "user:" + UUID.randomUUID()));
            assertThat(c.await("error").getString("code")).isEqualTo("forbidden");
            c.send(msg("room.leave", "room", "never-joined"));
            assertThat(c.await("error").getString("code")).isEqualTo("not_member");
        }
    }

    @Test
    void presenceFollowsJoinsLeavesAndDisconnects() {
        String room = room();
        try (WsClient a = client()) {
            join(a, room);
            WsClient b = client();
            b.send(msg("room.join", "room", room));
            JsonObject joined = b.await("room.joined");
            assertThat(joined.getJsonArray("members")).hasSize(2);
            String bSession = b.welcome().getString("session_id");
            clock.advance(Duration.ofMillis(250)); // a's own join went out at once; b's waits for the next diff
            JsonObject pj = a.awaitPresence(room, "joins", bSession);
            assertThat(pj.getString("user_id")).isEqualTo(b.welcome().getString("user_id"));
            a.send(msg("presence.list", "room", room, "rid", 1));
            assertThat(a.await("presence.list").getJsonArray("members")).hasSize(2);
            a.send(msg("presence.list", "room", room, "rid", "page", "offset", 1, "limit", 1));
            JsonObject page = a.await("presence.list");
            assertThat(page.getJsonArray("members")).hasSize(1);
            assertThat(page.getInteger("member_count")).isEqualTo(2);
            assertThat(page.getInteger("offset")).isEqualTo(1);
            assertThat(joined.getInteger("member_count")).isEqualTo(2);
            a.send(msg("presence.list", "room", room, "limit", 0));
            assertThat(a.await("error").getString("message")).contains("limit");
            b.close();
            clock.advance(Duration.ofMillis(250));
            JsonObject left = a.awaitPresence(room, "leaves", bSession);
            assertThat(left.getString("display_name")).isNotBlank();
            a.send(msg("presence.list", "room", room, "rid", 2));
            assertThat(a.await("presence.list").getJsonArray("members")).hasSize(1);
        }
    }

    @Test
    void presenceChangesOfAnIntervalReachMembersAsOneDiffAndAJoinThenLeaveCancelsOut() {
        String room = room();
        clock.advance(Duration.ofSeconds(1)); // whatever an earlier test left is due now
        try (WsClient a = client()) {
            join(a, room);
            a.awaitPresence(room, "joins", a.welcome().getString("session_id")); // the first change: at once
            List<WsClient> others = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    WsClient c = client();
                    join(c, room);
                    others.add(c);
                }
                WsClient brief = client();
                join(brief, room);
                brief.close();
                // the leave has been handled once the list no longer shows it
                dev.arena.testing.Eventually.until(() -> {
                    a.send(msg("presence.list", "room", room, "rid", "n"));
                    return a.await("presence.list").getJsonArray("members").size();
                }, n -> n == 6, "the brief member gone");
                assertThat(a.drain("presence.diff")).as("nothing before the interval has passed").isEmpty();

                clock.advance(Duration.ofMillis(250));
                JsonObject diff = a.await("presence.diff");
                assertThat(diff.getJsonArray("joins").stream().map(m -> ((JsonObject) m).getString("session_id")))
                        .containsExactlyElementsOf(others.stream().map(c -> c.welcome().getString("session_id"))
                                .toList());
                assertThat(diff.getJsonArray("leaves")).as("joined and left within one window").isEmpty();
            } finally {
                others.forEach(WsClient::close);
            }
        }
    }

    @Test
    void badFramesGetClearErrorsAndTheConnectionStaysUsable() {
        try (WsClient c = client()) {
            c.sendText("{not json");
            assertThat(c.await("error").getString("code")).isEqualTo("bad_json");
            c.sendText("[1,2]");
            assertThat(c.await("error").getString("code")).isEqualTo("bad_json");
            c.send(msg("teleport", "rid", "t"));
            JsonObject unknown = c.await("error");
            assertThat(unknown.getString("code")).isEqualTo("unknown_type");
            assertThat(unknown.getString("rid")).isEqualTo("t");
            c.send(new JsonObject().put("type", 5));
            assertThat(c.await("error").getString("code")).isEqualTo("bad_message");
            c.send(msg("room.join", "room", 42));
            assertThat(c.await("error").getString("message")).contains("room");
            c.send(msg("room.join", "room", "bad room name!"));
            assertThat(c.await("error").getString("code")).isEqualTo("bad_message");
            c.send(msg("room.join", "room", "ok", "last_seq", "x"));
            assertThat(c.await("error").getString("message")).contains("last_seq");
            c.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
            assertThat(c.await("error").getString("code")).isEqualTo("too_large");
            c.socket().writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer("bin"));
            assertThat(c.await("error").getString("code")).isEqualTo("bad_json");
            c.send(msg("ping", "rid", "still-alive"));
            assertThat(c.await("pong").getString("rid")).isEqualTo("still-alive");
            assertThat(c.isClosed()).isFalse();
        }
    }

    @Test
    void aFrameAboveTheHardLimitClosesWith1009() {
        try (WsClient c = client()) {
            c.sendText("{\"type\":\"ping\",\"pad\":\"" + "z".repeat(70 * 1024) + "\"}");
            // 1009, or 1006 when the server's close overtakes the rest of the frame still being sent
            assertThat(c.awaitClose()).isIn((short) 1009, (short) 1006);
        }
    }

    @Test
    void aFloodIsRateLimitedThenClosedWith1008() {
        try (WsClient c = client()) {
            // Past the burst (100) but within the abuse limit (30 refusals): refused, still connected.
            for (int i = 0; i < 125; i++) {
                c.send(msg("ping"));
            }
            JsonObject refused = c.await("error");
            assertThat(refused.getString("code")).isEqualTo("rate_limited");
            assertThat(refused.getString("message")).contains("per second");
            assertThat(c.isClosed()).isFalse();
            // A sustained flood goes over the abuse limit: closed with 1008.
            for (int i = 0; i < 2000 && !c.isClosed(); i++) {
                c.send(msg("ping"));
            }
            assertThat(c.awaitClose()).isEqualTo((short) 1008);
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffWhileTheOthersKeepReceiving() throws Exception {
        String room = room();
        try (WsClient sender = client(); WsClient reader = client();
             WsClient stalled = WsClient.gateway(vertx, node.port(), token(), 4096)) {
            join(sender, room);
            join(reader, room);
            join(stalled, room);
            stalled.socket().pause();
            String pad = "y".repeat(1000);
            double cutsBefore = overflows();
            int sent = 0;
            int read = 0; // room messages the reader has had so far
            // ~1 KB frames: the stalled socket's buffers (16 KiB send, 4 KiB receive, and what the kernel and Netty
            // hold beyond them, which depends on how the frames were batched) fill, then its 512-frame queue; the
            // node counts the cut. The reader keeps receiving every message.
            while (overflows() == cutsBefore) {
                assertThat(sent).as("messages sent without the stalled client being cut").isLessThan(5000);
                for (int i = 0; i < 20; i++) {
                    sender.send(msg("room.send", "room", room, "data", pad));
                    sent++;
                }
                clock.advance(Duration.ofSeconds(1)); // refills the sender's rate limit (50/s)
                // paced by the reader: the batch's last message reached it, so the node wrote the batch's frames
                int last = sent;
                reader.await(o -> "room.message".equals(o.getString("type")) && o.getLong("seq") == last,
                        "message " + last);
                read += 1 + reader.drain("room.message").size();
            }
            stalled.socket().resume(); // lets the client read the close frame the server sent
            assertThat(stalled.awaitClose()).isEqualTo((short) 4001);
            sender.send(msg("room.send", "room", room, "data", "after"));
            JsonObject last = reader.await(o -> "room.message".equals(o.getString("type"))
                    && "after".equals(o.getValue("data")), "message after the cut");
            assertThat(last.getLong("seq")).as("sender errors: %s", sender.drain("error")).isEqualTo(sent + 1L);
            assertThat(read + reader.drain("room.message").size()).isEqualTo(sent);
            assertThat(reader.isClosed()).isFalse();
        }
    }

    /** The node's count of connections cut for not reading ({@code arena_ws_queue_overflows_total}). */
    private static double overflows() {
        return metric("arena_ws_queue_overflows_total");
    }

    private static double metric(String name) {
        return testNode.http().get("/metrics").body().lines()
                .filter(l -> l.startsWith(name))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void countsSocketFlushesNextToFramesSoFramesPerWriteCanBeRead() {
        String room = room();
        try (WsClient a = client(); WsClient b = client()) {
            join(a, room);
            join(b, room);
            double frames = metric("arena_ws_messages_out_total");
            double flushes = metric("arena_ws_flushes_total");
            a.send(msg("room.send", "room", room, "data", 1));
            a.send(msg("room.send", "room", room, "data", 2));
            for (WsClient c : List.of(a, b)) {
                c.await("room.message");
                c.await("room.message");
            }
            // four frames, one to four flushes (frames waiting together leave in one)
            dev.arena.testing.Eventually.until(() -> metric("arena_ws_flushes_total") - flushes, d -> d >= 1,
                    "flushes counted");
            double moreFrames = metric("arena_ws_messages_out_total") - frames;
            double moreFlushes = metric("arena_ws_flushes_total") - flushes;
            assertThat(moreFrames).isGreaterThanOrEqualTo(4);
            assertThat(moreFlushes).isBetween(1.0, moreFrames);
        }
    }

    @Test
    void resumesWithinTheBufferAndAsksForResyncBeyondIt() {
        String room = room();
        try (WsClient sender = client()) {
            join(sender, room);
            String token = token();
            WsClient a = WsClient.gateway(vertx, node.port(), token);
            join(a, room);
            for (int i = 1; i <= 3; i++) {
                sender.send(msg("room.send", "room", room, "data", i));
            }
            clock.advance(Duration.ofSeconds(1));
            for (int i = 1; i <= 3; i++) {
                a.await("room.message");
            }
            a.close();
            for (int i = 4; i <= 6; i++) {
                sender.send(msg("room.send", "room", room, "data", i, "rid", i));
                sender.await("ack");
            }
            WsClient back = WsClient.gateway(vertx, node.port(), token);
            back.send(msg("room.join", "room", room, "last_seq", 3, "rid", "resume"));
            for (int i = 4; i <= 6; i++) {
                JsonObject m = back.await("room.message");
                assertThat(m.getLong("seq")).isEqualTo((long) i);
            }
            JsonObject joined = back.await("room.joined");
            assertThat(joined.getLong("seq")).isEqualTo(6L);
            back.close();

            for (int i = 7; i <= 20; i++) {
                sender.send(msg("room.send", "room", room, "data", i, "rid", i));
                sender.await("ack");
            }
            clock.advance(Duration.ofSeconds(1));
            WsClient late = WsClient.gateway(vertx, node.port(), token);
            late.send(msg("room.join", "room", room, "last_seq", 6, "rid", "late"));
            JsonObject resync = late.await("error");
            assertThat(resync.getString("code")).isEqualTo("resync");
            assertThat(late.await("room.joined").getLong("seq")).isEqualTo(20L);
            sender.send(msg("room.send", "room", room, "data", "live"));
            assertThat(late.await("room.message").getLong("seq")).isEqualTo(21L);
            late.close();
        }
    }

    @Test
    void legacyGameSocketsShareTheRoomWithTheGateway() {
        String room = "arena-" + UUID.randomUUID().toString().substring(0, 6);
        String t1 = token();
        try (WsClient g1 = WsClient.connect(vertx, node.port(), "/games/" + room + "/live?token=" + t1);
             WsClient g2 = WsClient.connect(vertx, node.port(), "/games/" + room + "/live?token=" + token());
             WsClient gw = client()) {
            join(gw, "game:" + room);
            // g2's join is asynchronous: wait until presence shows all three before sending
            gw.send(msg("presence.list", "room", "game:" + room, "rid", "p"));
            while (gw.await("presence.list").getJsonArray("members").size() < 3) {
                gw.send(msg("presence.list", "room", "game:" + room, "rid", "p"));
            }
            g1.sendText("{\"move\":\"left\",\"speed\":3}");
            for (WsClient c : List.of(g1, g2)) {
                JsonObject a = c.await("player_action");
                assertThat(a.getJsonObject("action")).isEqualTo(new JsonObject().put("move", "left").put("speed", 3));
                assertThat(a.getString("player_id")).isNotBlank();
                assertThat(Instant.parse(a.getString("timestamp"))).isNotNull();
            }
            JsonObject env = gw.await("room.message");
            assertThat(env.getJsonObject("data").getString("move")).isEqualTo("left");
            g1.sendText("not json");
            assertThat(g1.await("error").getString("code")).isEqualTo("bad_json");
        }
    }

    @Test
    void aSilentConnectionIsClosedWith4000WhenTheClockPassesTheIdleTimeout() {
        try (WsClient c = client()) {
            c.send(msg("ping", "rid", 1));
            c.await("pong");
            clock.advance(Duration.ofSeconds(91));
            assertThat(c.awaitClose()).isEqualTo((short) 4000);
        }
    }
}
