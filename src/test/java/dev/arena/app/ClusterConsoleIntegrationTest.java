package dev.arena.app;

import static dev.arena.testing.Futures.await;
import static dev.arena.testing.WsClient.msg;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
import dev.arena.testing.WsClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin console's live matches over two nodes on Redis: either node lists every node's matches (private ones
 * too) with the node that runs each, and pages through them as one list; it opens and stops a match of the other
 * node through the match commands (its owner answers), and the stop is audited.
 */
class ClusterConsoleIntegrationTest {
    @RegisterExtension
    static final TestCluster cluster = new TestCluster("con");

    private static Http http(ArenaNode node) {
        return new Http(URI.create("http://127.0.0.1:" + node.port()));
    }

    private static String game(ArenaNode node, JsonObject body) {
        Player owner = Player.of(await(node.identity().guest("device-" + UUID.randomUUID())));
        Response r = http(node).post("/games/create", body, owner.token());
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().getString("game_id");
    }

    private static String admin() {
        String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        await(cluster.node1().identity().createPrivileged(name, "admin-password", Role.ADMIN));
        return http(cluster.node2()).post("/auth/login", new JsonObject().put("username", name)
                .put("password", "admin-password")).json().getString("token");
    }

    /** Every match the console lists on {@code node}, id to node, read page by page. */
    private static Map<String, String> listed(ArenaNode node, String token, String query) {
        JsonArray all = new JsonArray();
        String after = null;
        do {
            JsonObject page = http(node).get("/admin/matches?limit=1" + query + (after == null ? "" : "&after=" + after),
                    token).json();
            all.addAll(page.getJsonArray("items"));
            after = page.getString("next");
        } while (after != null);
        return all.stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(m -> m.getString("id"), m -> m.getString("node")));
    }

    @Test
    void eitherNodeListsEveryNodesMatchesWithTheNodeThatRunsEach() {
        String token = admin();
        String n1 = cluster.node1().config().nodeId();
        String n2 = cluster.node2().config().nodeId();
        String onOne = game(cluster.node1(), new JsonObject().put("mode", "connect_four"));
        String onTwo = game(cluster.node2(), new JsonObject().put("mode", "connect_four").put("private", true));
        String battle = game(cluster.node2(), new JsonObject().put("mode", "arena_battle"));

        for (ArenaNode asked : new ArenaNode[] {cluster.node1(), cluster.node2()}) {
            Map<String, String> seen = Eventually.until(() -> listed(asked, token, ""),
                    m -> m.containsKey(onOne) && m.containsKey(onTwo) && m.containsKey(battle),
                    "every node's matches listed by " + asked.config().nodeId());
            assertThat(seen).containsEntry(onOne, n1).containsEntry(onTwo, n2).containsEntry(battle, n2);
        }
        // the mode filter travels to the other node too
        Map<String, String> fours = listed(cluster.node1(), token, "&mode=connect_four");
        assertThat(fours).containsKeys(onOne, onTwo).doesNotContainKey(battle);
        // opening one runs on its owner, whichever node the console asks
        JsonObject opened = http(cluster.node1()).get("/admin/matches/" + onTwo, token).json();
        assertThat(opened.getString("id")).isEqualTo(onTwo);
        assertThat(opened.getString("mode")).isEqualTo("connect_four");
        assertThat(opened.getJsonArray("players").size()).isEqualTo(1);
        assertThat(http(cluster.node1()).get("/admin/matches/" + UUID.randomUUID(), token).status()).isEqualTo(404);
        // the private game of node 2, watched from node 1: the admin's role travels to its owner, an outsider's too
        assertThat(http(cluster.node1()).get("/games/" + onTwo + "/state", token).status()).isEqualTo(200);
        Player outsider = player(cluster.node1());
        assertThat(http(cluster.node1()).get("/games/" + onTwo + "/state", outsider.token()).status()).isEqualTo(403);
        try (WsClient staff = WsClient.gateway(cluster.vertx(), cluster.node1().port(), token);
             WsClient spy = WsClient.gateway(cluster.vertx(), cluster.node1().port(), outsider.token())) {
            staff.send(msg("match.spectate", "game_id", onTwo));
            assertThat(staff.await("match.state").getString("game_id")).isEqualTo(onTwo);
            spy.send(msg("match.spectate", "game_id", onTwo));
            assertThat(spy.await("error").getString("code")).isEqualTo("forbidden");
        }
    }

    @Test
    void anAdminOnOneNodeStopsAMatchOfTheOtherAndItsPlayersAreToldWhy() {
        String token = admin();
        Player first = player(cluster.node2());
        Player second = player(cluster.node2());
        String id = ClusterMatchesIntegrationTest.startedMatch(cluster.node2(), first, cluster.node2(), second);
        try (WsClient a = WsClient.gateway(cluster.vertx(), cluster.node2().port(), first.token());
             WsClient b = WsClient.gateway(cluster.vertx(), cluster.node1().port(), second.token())) {
            for (WsClient c : new WsClient[] {a, b}) {
                c.send(new JsonObject().put("type", "match.join").put("game_id", id));
                c.await("match.state");
            }
            // the console on node 1 opens node 2's match: live state, players and tick from its owner
            JsonObject view = Eventually.until(() -> http(cluster.node1()).get("/admin/matches/" + id, token).json(),
                    v -> v.getLong("tick", 0L) > 0, "the live state of node 2's match through node 1");
            assertThat(view.getString("status")).isEqualTo("running");
            assertThat(view.getJsonArray("players").size()).isEqualTo(2);
            assertThat(view.getJsonObject("state")).isNotNull();

            Response stopped = http(cluster.node1()).post("/admin/matches/" + id + "/stop",
                    new JsonObject().put("reason", "cheating reported"), token);
            assertThat(stopped.status()).as("%s", stopped).isEqualTo(204);
            for (WsClient c : new WsClient[] {a, b}) {
                assertThat(c.await("match.end").getJsonObject("result").getString("reason"))
                        .isEqualTo("cheating reported");
            }
        }
        // a second stop finds it ended, as every command on a finished match does (a problem, not a 500)
        Response again = http(cluster.node1()).post("/admin/matches/" + id + "/stop",
                new JsonObject().put("reason", "again"), token);
        assertThat(again.status()).as("%s", again).isEqualTo(403);
        assertThat(again.json().getString("type")).isEqualTo("urn:arena:problem:ended");

        JsonObject entry = http(cluster.node1()).get("/admin/audit?q=" + id, token).json()
                .getJsonArray("items").getJsonObject(0);
        assertThat(entry.getString("action")).isEqualTo("match.stop");
        assertThat(entry.getString("target")).isEqualTo(id);
        assertThat(entry.getString("reason")).isEqualTo("cheating reported");
        assertThat(entry.getJsonObject("detail").getString("node")).isEqualTo(cluster.node2().config().nodeId());
        assertThat(entry.getJsonObject("detail").getString("mode")).isEqualTo("connect_four");
    }

    private static Player player(ArenaNode node) {
        return Player.of(await(node.identity().guest("device-" + UUID.randomUUID())));
    }
}
