package dev.arena.gateway;

import static dev.arena.testing.Futures.await;
import static dev.arena.testing.WsClient.msg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.NodeFixture;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Matchmaking on one real node: tickets over HTTP and the gateway socket, bad input, parties and their events, the
 * disconnect grace, statistics and metrics, and the full flow from two tickets to a Connect Four game played to the
 * end. The matcher only steps when a test says so (the node's own interval is an hour).
 */
class MatchmakingIntegrationTest {
    @RegisterExtension
    static final NodeFixture node = new NodeFixture(Map.of("ARENA_MM_INTERVAL", "1h",
                "ARENA_MM_LEASE_TTL", "3h", "ARENA_MM_DISCONNECT_GRACE", "20s"));

    static void step() {
        await(node.arena().matchmaking().step());
    }

    static Response delete(String path, Player p) {
        return node.http().send("DELETE", path, p.token(), null, Map.of());
    }

    static JsonObject ticketBody(String mode, String region) {
        return new JsonObject().put("mode", mode).put("properties", new JsonObject().put("region", region));
    }

    @Test
    void twoSocketsQueueGetMatchedAndPlayConnectFourToTheEnd() {
        Player a = node.player();
        Player b = node.player();
        try (WsClient wa = node.socket(a); WsClient wb = node.socket(b)) {
            wa.send(msg("mm.enqueue", "rid", "q1", "mode", "connect_four", "properties",
                    new JsonObject().put("region", "eu-final")));
            JsonObject ta = wa.await("mm.ticket");
            assertThat(ta.getString("rid")).isEqualTo("q1");
            assertThat(ta.getJsonObject("ticket").getString("status")).isEqualTo("waiting");
            wb.send(msg("mm.enqueue", "rid", 7, "mode", "connect_four", "properties",
                    new JsonObject().put("region", "eu-final")));
            JsonObject tb = wb.await("mm.ticket");

            step();
            JsonObject ma = wa.await("mm.matched");
            JsonObject mb = wb.await("mm.matched");
            String game = ma.getString("game_id");
            assertThat(mb.getString("game_id")).isEqualTo(game);
            assertThat(ma.getString("ticket_id")).isEqualTo(ta.getJsonObject("ticket").getString("ticket_id"));
            assertThat(ma.getJsonArray("players").getList()).containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(ma.getString("node")).isEqualTo(node.arena().config().nodeId());
            Response ticket = node.http().get("/matchmaking/tickets/" + tb.getJsonObject("ticket")
                    .getString("ticket_id"), b.token());
            assertThat(ticket.json().getString("status")).isEqualTo("matched");
            assertThat(ticket.json().getString("game_id")).isEqualTo(game);

            // both are seated already: match.join attaches the sockets
            wa.send(msg("match.join", "game_id", game));
            JsonObject state = wa.await("match.state");
            assertThat(state.getString("status")).isEqualTo("running");
            wb.send(msg("match.join", "game_id", game));
            wb.await("match.state");
            boolean aFirst = state.getJsonObject("state").getString("to_move").equals(a.id());
            WsClient red = aFirst ? wa : wb;
            WsClient yellow = aFirst ? wb : wa;
            for (int move = 0; move < 7; move++) {
                boolean redTurn = move % 2 == 0;
                (redTurn ? red : yellow).send(msg("match.input", "game_id", game, "input",
                        new JsonObject().put("type", "drop").put("column", redTurn ? 0 : 1)));
                red.await(MatchesIntegrationTest::hasDisc, "disc " + move);
            }
            JsonObject end = red.await("match.end");
            assertThat(end.getJsonObject("result").getString("reason")).isEqualTo("four_in_a_row");
            assertThat(end.getJsonObject("result").getJsonObject("outcome").getString("player"))
                    .isEqualTo(aFirst ? a.id() : b.id());
        }
    }

    @Test
    void ticketsOverHttpOnePerModeCancelledOnlyByTheirPlayers() {
        Player p = node.player();
        Player other = node.player();
        Response created = node.post("/matchmaking/tickets", ticketBody("arena_battle", "http-only"), p);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonObject t = created.json();
        assertThat(t.getString("status")).isEqualTo("waiting");
        assertThat(t.getString("owner")).isEqualTo(p.id());
        assertThat(t.getJsonArray("members").getJsonObject(0).getDouble("rating")).isEqualTo(1500.0);
        String id = t.getString("ticket_id");

        Response dup = node.post("/matchmaking/tickets", ticketBody("arena_battle", "elsewhere"), p);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().getString("detail")).contains(id);
        assertThat(node.http().get("/matchmaking/tickets/" + id, p.token()).json()).isEqualTo(t);
        assertThat(node.http().get("/matchmaking/tickets/" + id, other.token()).status()).isEqualTo(404);
        assertThat(delete("/matchmaking/tickets/" + id, other).status()).isEqualTo(404);
        assertThat(node.http().get("/matchmaking/tickets/" + UUID.randomUUID(), p.token()).status()).isEqualTo(404);

        Response cancelled = delete("/matchmaking/tickets/" + id, p);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.json().getString("reason")).isEqualTo("player");
        assertThat(delete("/matchmaking/tickets/" + id, p).json().getString("status")).as("idempotent")
                .isEqualTo("cancelled");
        assertThat(node.post("/matchmaking/tickets", ticketBody("arena_battle", "http-only"), p).status()).isEqualTo(201);
    }

    @Test
    void badTicketRequestsNameEveryBadField() {
        Player p = node.player();
        assertThat(NodeFixture.fields(node.post("/matchmaking/tickets", ticketBody("chess", "eu"), p))).containsExactly("mode");
        assertThat(NodeFixture.fields(node.post("/matchmaking/tickets", new JsonObject().put("mode", "arena_battle"), p)))
                .containsExactly("properties");
        assertThat(NodeFixture.fields(node.post("/matchmaking/tickets", new JsonObject().put("mode", 3).put("party_id", "x")
                .put("properties", new JsonObject().put("map", 5).put("Bad Key", "x")), p)))
                .containsExactlyInAnyOrder("mode", "party_id", "properties.map", "properties.Bad Key",
                        "properties.region");
        assertThat(NodeFixture.fields(node.post("/matchmaking/tickets", ticketBody("arena_battle", "eu").put("priority", 1), p)))
                .containsExactly("priority");
        assertThat(NodeFixture.fields(node.post("/matchmaking/tickets", new JsonObject().put("mode", "arena_battle")
                .put("properties", new JsonArray().add("eu")), p))).containsExactly("properties");
        assertThat(node.http().send("POST", "/matchmaking/tickets", p.token(), "{\"mode\":", Map.of()).status())
                .isEqualTo(400);
        assertThat(NodeFixture.fields(node.http().get("/matchmaking/tickets/not-a-ticket", p.token())))
                .containsExactly("ticket_id");
        assertThat(node.http().post("/matchmaking/tickets", ticketBody("arena_battle", "eu")).status())
                .isEqualTo(401);
        // a party id that does not exist, or someone else's party
        assertThat(node.post("/matchmaking/tickets", ticketBody("arena_battle", "eu")
                .put("party_id", UUID.randomUUID().toString()), p).status()).isEqualTo(404);
    }

    @Test
    void badSocketRequestsGetErrorReplies() {
        Player p = node.player();
        Player owner = node.player();
        String foreign = node.post("/matchmaking/tickets", ticketBody("arena_battle", "ws-bad"), owner).json()
                .getString("ticket_id");
        try (WsClient ws = node.socket(p)) {
            ws.send(msg("mm.enqueue", "rid", 1, "mode", "chess", "properties", new JsonObject().put("region", "eu")));
            JsonObject e1 = ws.await("error");
            assertThat(e1.getString("code")).isEqualTo("bad_message");
            assertThat(e1.getString("message")).startsWith("mode:");
            ws.send(msg("mm.enqueue", "rid", 2, "mode", "arena_battle", "properties", "eu"));
            assertThat(ws.await("error").getString("message")).startsWith("properties:");
            ws.send(msg("mm.cancel", "rid", 3, "ticket_id", "nope"));
            assertThat(ws.await("error").getString("code")).isEqualTo("bad_message");
            ws.send(msg("mm.cancel", "rid", 4, "ticket_id", foreign));
            JsonObject e4 = ws.await("error");
            assertThat(e4.getString("code")).isEqualTo("not_found");
            assertThat(e4.getValue("rid")).isEqualTo(4);

            ws.send(msg("mm.enqueue", "rid", 5, "mode", "arena_battle", "properties",
                    new JsonObject().put("region", "ws-bad-2")));
            String mine = ws.await("mm.ticket").getJsonObject("ticket").getString("ticket_id");
            ws.send(msg("mm.enqueue", "rid", 6, "mode", "arena_battle", "properties",
                    new JsonObject().put("region", "ws-bad-2")));
            assertThat(ws.await("error").getString("code")).isEqualTo("conflict");
            ws.send(msg("mm.cancel", "rid", 8, "ticket_id", mine));
            JsonObject cancelled = ws.await("mm.ticket");
            assertThat(cancelled.getValue("rid")).isEqualTo(8);
            assertThat(cancelled.getJsonObject("ticket").getString("status")).isEqualTo("cancelled");
        }
        assertThat(node.http().get("/matchmaking/tickets/" + foreign, owner.token()).json().getString("status"))
                .isEqualTo("waiting");
    }

    @Test
    void partiesOverHttpWithTheirEventsOnTheSocket() {
        Player leader = node.player();
        Player friend = node.player();
        Player stranger = node.player();
        try (WsClient wl = node.socket(leader); WsClient wf = node.socket(friend)) {
            Response created = node.post("/parties", null, leader);
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().getString("party_id");
            assertThat(created.json().getString("leader")).isEqualTo(leader.id());
            String base = "/parties/" + id;
            assertThat(node.post("/parties", null, leader).status()).as("one party at a time").isEqualTo(409);

            assertThat(NodeFixture.fields(node.post(base + "/invite", new JsonObject().put("player_id", "x"), leader)))
                    .containsExactly("player_id");
            assertThat(NodeFixture.fields(node.post(base + "/invite", new JsonObject().put("player_id", leader.id()), leader)))
                    .containsExactly("player_id");
            assertThat(node.post(base + "/accept", null, friend).status()).as("not invited: unknown").isEqualTo(404);
            assertThat(node.post(base + "/invite", new JsonObject().put("player_id", friend.id()), leader).status())
                    .isEqualTo(200);
            assertThat(wf.await("party.invited").getJsonObject("party").getString("party_id")).isEqualTo(id);
            assertThat(node.post(base + "/accept", null, friend).json().getJsonArray("members").getList())
                    .containsExactly(leader.id(), friend.id());
            assertThat(wl.await(o -> "party.updated".equals(o.getString("type"))
                    && "joined".equals(o.getString("event")), "joined").getString("player")).isEqualTo(friend.id());

            assertThat(node.http().get(base, stranger.token()).status()).isEqualTo(404);
            assertThat(node.http().get(base, friend.token()).status()).isEqualTo(200);
            assertThat(node.post(base + "/kick", new JsonObject().put("player_id", leader.id()), friend).status())
                    .isEqualTo(403);
            assertThat(node.post(base + "/promote", new JsonObject().put("player_id", friend.id()), leader).json()
                    .getString("leader")).isEqualTo(friend.id());
            assertThat(wl.await(o -> "promoted".equals(o.getString("event")), "promoted")).isNotNull();

            // the new leader queues the party as one ticket; the old leader leaving cancels it
            Response queued = node.post("/matchmaking/tickets", ticketBody("connect_four", "party-land")
                    .put("party_id", id), leader);
            assertThat(queued.status()).as("only the leader").isEqualTo(403);
            Response tooBig = node.post("/matchmaking/tickets", ticketBody("connect_four", "party-land")
                    .put("party_id", id), friend);
            assertThat(NodeFixture.fields(tooBig)).containsExactly("party_id");

            assertThat(node.post(base + "/leave", null, leader).status()).isEqualTo(204);
            assertThat(wf.await(o -> "left".equals(o.getString("event")), "left").getJsonObject("party")
                    .getJsonArray("members").getList()).containsExactly(friend.id());
            assertThat(node.post(base + "/leave", null, friend).status()).isEqualTo(204);
            assertThat(wf.await(o -> "disbanded".equals(o.getString("event")), "disbanded")).isNotNull();
            assertThat(node.http().get(base, friend.token()).status()).isEqualTo(404);
        }
    }

    @Test
    void aPlayerWhoClosesTheirSocketLosesTheirTicketAfterTheGrace() {
        Player p = node.player();
        String id;
        try (WsClient ws = node.socket(p)) {
            ws.send(msg("mm.enqueue", "mode", "arena_battle", "properties", new JsonObject().put("region", "gone")));
            id = ws.await("mm.ticket").getJsonObject("ticket").getString("ticket_id");
        }
        String path = "/matchmaking/tickets/" + id;
        // the close reaches the server asynchronously: wait (bounded) until the node has seen it
        var sockets = node.arena().httpServices().metrics().registry().find("arena.ws.connections").gauge();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sockets.value() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sockets.value()).isZero();
        node.clock().advance(Duration.ofSeconds(19));
        step();
        assertThat(node.http().get(path, p.token()).json().getString("status")).isEqualTo("waiting");
        node.clock().advance(Duration.ofSeconds(2));
        step();
        JsonObject t = node.http().get(path, p.token()).json();
        assertThat(t.getString("status")).isEqualTo("cancelled");
        assertThat(t.getString("reason")).isEqualTo("disconnected");
    }

    @Test
    void statisticsAndMetricsPerMode() {
        Player a = node.player();
        Player b = node.player();
        node.post("/matchmaking/tickets", ticketBody("arena_battle", "stats"), a);
        node.post("/matchmaking/tickets", ticketBody("arena_battle", "stats"), b);
        step();
        Response r = node.http().get("/matchmaking/stats", a.token());
        assertThat(r.status()).isEqualTo(200);
        List<JsonObject> modes = r.json().getJsonArray("modes").stream().map(o -> (JsonObject) o).toList();
        assertThat(modes).extracting(m -> m.getString("mode")).containsExactly("arena_battle", "connect_four");
        assertThat(modes.getFirst().getInteger("matches_formed")).isGreaterThanOrEqualTo(1);
        assertThat(modes.getFirst().getString("matcher_node")).isEqualTo(node.arena().config().nodeId());
        // each queue's shape, so a client can tell before queueing whether a party fits (the defaults are 1v1)
        assertThat(modes).extracting(m -> m.getInteger("team_count"), m -> m.getInteger("team_size"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple(2, 1));
        assertThat(node.http().get("/matchmaking/stats").status()).as("a public read (docs/SECURITY.md)").isEqualTo(200);

        String metrics = node.http().get("/metrics").body();
        assertThat(metrics).contains("arena_matchmaking_queue_tickets{mode=\"connect_four\"}")
                .contains("arena_matchmaking_wait_seconds{mode=\"arena_battle\",quantile=\"0.95\"}")
                .contains("arena_matchmaking_rating_spread{mode=\"arena_battle\",quantile=\"0.5\"}");
    }
}
