package dev.arena.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.Eventually;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard feed across two nodes over Redis pub/sub: each node's merged sample lists both nodes. */
class ClusterDashboardIntegrationTest {
    @RegisterExtension
    static final TestCluster cluster = new TestCluster("dash");

    private static JsonArray nodes(ArenaNode node) {
        String current = node.dashboard().current();
        return current == null ? new JsonArray() : new JsonObject(current).getJsonArray("nodes");
    }

    @Test
    void everyNodesDashboardShowsEveryNode() {
        String id1 = cluster.node1().config().nodeId();
        String id2 = cluster.node2().config().nodeId();
        for (ArenaNode node : new ArenaNode[] {cluster.node1(), cluster.node2()}) {
            JsonArray seen = Eventually.until(() -> nodes(node), n -> n.size() == 2, "both nodes in the merged sample");
            assertThat(seen.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactlyInAnyOrder(id1, id2);
        }
    }
}
