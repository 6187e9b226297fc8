package dev.arena.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.testing.TestNode;
import dev.arena.testing.WsClient;
import dev.arena.tournament.TournamentDriver.Player;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live update stream during a whole simulated event, on both ways in: {@code WS /tournaments/{id}/updates} and
 * the {@code tournament:{id}} room on {@code /ws}. Versions run without gaps and end at the stored version.
 */
class TournamentLiveIntegrationTest {
    static TestNode node;
    static TournamentDriver d;
    static Vertx vertx;

    @BeforeAll
    static void start() {
        node = TestNode.start(TournamentLiveIntegrationTest.class);
        d = new TournamentDriver(node);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
        node.close();
    }

    @Test
    void aWholeDoubleEliminationEventStreamsEveryChangeWithConsecutiveVersions() {
        Player organiser = d.player();
        List<Player> players = d.players(6);
        String id = d.create(organiser, new JsonObject().put("format", "double_elimination").put("max_players", 8));
        d.registerAll(id, players.subList(0, 5));

        try (WsClient updates = WsClient.connect(vertx, node.arena().port(),
                "/tournaments/" + id + "/updates?token=" + organiser.token());
             WsClient gateway = WsClient.gateway(vertx, node.arena().port(), players.get(5).token());
             WsClient seed1 = WsClient.gateway(vertx, node.arena().port(), players.get(0).token())) {
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
        assertThatThrownBy(() -> WsClient.connect(vertx, port, "/tournaments/" + UUID.randomUUID() + "/updates"))
                .rootCause().extracting(e -> ((UpgradeRejectedException) e).getStatus()).isEqualTo(401);
        String token = d.player().token();
        assertThatThrownBy(() -> WsClient.connect(vertx, port, "/tournaments/nope/updates?token=" + token))
                .rootCause().extracting(e -> ((UpgradeRejectedException) e).getStatus()).isEqualTo(422);
    }
}
