package dev.arena.app;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.identity.Role;
import dev.arena.testing.Eventually;
import dev.arena.testing.Http;
import dev.arena.testing.Player;
import dev.arena.testing.Response;
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
 * too) with the node that runs each, and pages through them as one list.
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
        // opening one acts on this node's matches only, and says where to go
        Response elsewhere = http(cluster.node1()).get("/admin/matches/" + onTwo, token);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().getString("detail")).contains("the list shows which node runs it");
    }
}
