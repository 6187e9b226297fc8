package dev.arena.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.arena.common.Json;
import dev.arena.metrics.NodeSample.Http;
import dev.arena.metrics.NodeSample.Matches;
import dev.arena.metrics.NodeSample.NodeInfo;
import dev.arena.metrics.NodeSample.Queue;
import dev.arena.metrics.NodeSample.Realtime;
import dev.arena.metrics.NodeSample.Work;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge rules: sums for what nodes own, maxima for percentiles and shared numbers, a weighted error rate. */
class ClusterSampleTest {

    static NodeSample node(String id, int sockets, double deliveryP99, Map<String, Integer> running, int queued,
                           long backlog, double requests, double errorRate) {
        return new NodeSample(new NodeInfo(id, "1.0", 10, sockets, 2, 0, 100, 512, List.of()), 1_000,
                new Realtime(sockets, 2, 10, 20, deliveryP99 / 2, deliveryP99, deliveryP99 / 3, deliveryP99 * 3),
                new Matches(running, 1, 6, 3, deliveryP99 / 10, deliveryP99 / 20, deliveryP99 / 5),
                Map.of("arena_battle", new Queue(queued, 1.5, 4, 30, 2)), new Work(1, backlog, 0.5),
                new Http(requests, errorRate, 3, 0));
    }

    @Test
    void countsAreSummedAndPercentilesTakeTheWorstNode() {
        ClusterSample c = ClusterSample.merge(7, 1_000, List.of(
                node("b", 10, 4.0, Map.of("arena_battle", 2), 5, 40, 100, 0.0),
                node("a", 5, 9.0, Map.of("arena_battle", 1, "connect_four", 3), 5, 40, 300, 0.1)));
        assertThat(c.seq()).isEqualTo(7);
        assertThat(c.realtime().sockets()).isEqualTo(15);
        assertThat(c.realtime().rooms()).isEqualTo(4);
        assertThat(c.realtime().messagesInPerSecond()).isEqualTo(20.0);
        assertThat(c.realtime().deliveryP99Ms()).isEqualTo(9.0);
        assertThat(c.realtime().loopDelayP99Ms()).isEqualTo(3.0); // the worst node's loops, not an average
        assertThat(c.realtime().loopDelayMaxMs()).isEqualTo(27.0);
        assertThat(c.realtime().deliveryP50Ms()).isEqualTo(4.5);
        assertThat(c.matches().runningByMode()).containsEntry("arena_battle", 3).containsEntry("connect_four", 3);
        assertThat(c.matches().startedPerMinute()).isEqualTo(12.0);
        assertThat(c.matches().tickP99Ms()).isEqualTo(0.9);
        assertThat(c.matches().inputP50Ms()).as("input-to-state p50: the slower node's").isEqualTo(0.45);
        assertThat(c.matches().inputP99Ms()).isEqualTo(1.8);
        assertThat(c.work().jobFailuresPerMinute()).isEqualTo(1.0);
        assertThat(c.http().dbInUse()).isEqualTo(6);
        assertThat(c.nodes()).extracting(NodeInfo::id).containsExactly("a", "b");
    }

    @Test
    void numbersEveryNodeReadsFromOneSharedPlaceAreNotCountedTwice() {
        ClusterSample c = ClusterSample.merge(1, 1_000, List.of(
                node("a", 1, 1, Map.of(), 5, 40, 0, 0), node("b", 1, 1, Map.of(), 4, 38, 0, 0)));
        assertThat(c.queues().get("arena_battle").playersWaiting()).isEqualTo(5);
        assertThat(c.work().jobBacklog()).isEqualTo(40);
        assertThat(c.work().tournamentsRunning()).isEqualTo(1);
    }

    @Test
    void theErrorRateIsWeightedByEachNodesRequests() {
        ClusterSample c = ClusterSample.merge(1, 1_000, List.of(
                node("a", 1, 1, Map.of(), 0, 0, 900, 0.0), node("b", 1, 1, Map.of(), 0, 0, 100, 0.5)));
        assertThat(c.http().requestsPerSecond()).isEqualTo(1000.0);
        assertThat(c.http().errorRate()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void noNodesIsAnEmptyClusterNotAnError() {
        ClusterSample c = ClusterSample.merge(1, 1_000, List.of());
        assertThat(c.realtime().sockets()).isZero();
        assertThat(c.http().errorRate()).isZero();
    }

    @Test
    void aNodeSampleSurvivesTheWireAsOtherNodesReceiveIt() {
        NodeSample s = node("a", 3, 2, Map.of("arena_battle", 1), 2, 5, 10, 0);
        assertThat(Json.decode(Json.encodeToString(s), NodeSample.class)).isEqualTo(s);
        assertThat(Json.encodeToString(s)).contains("\"messages_in_per_second\"").doesNotContain("token");
    }
}
