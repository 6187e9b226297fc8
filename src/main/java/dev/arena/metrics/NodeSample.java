package dev.arena.metrics;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node's numbers for one second, as published to the other nodes; {@link ClusterSample} is the same shape
 * merged over every node. Counts and rates only: no player id, name, token or address ever goes in here, because
 * the stream is readable by any signed-in player (and anonymously with {@code ARENA_DASHBOARD_PUBLIC=true}).
 *
 * @param at epoch milliseconds, by the node's injected clock
 */
public record NodeSample(NodeInfo node, long at, Realtime realtime, Matches matches, Map<String, Queue> queues,
                         Work work, Http http) {

    public NodeSample {
        queues = Map.copyOf(queues);
    }

    /** What the console's node list shows. {@code leases}: the matchmaking modes whose matcher runs here. */
    public record NodeInfo(String id, String version, long uptimeSeconds, int sockets, int rooms, int matches,
                           long heapUsedMb, long heapMaxMb, List<String> leases) {
        public NodeInfo {
            leases = List.copyOf(leases);
        }
    }

    /**
     * Sockets (each signed-in socket is one connected session: the CCU), rooms, frames per second, latency, and how
     * late the event loops ran their 10 ms checks (p99 and the longest, over Micrometer's rolling window of about
     * two minutes): a node whose loops are held shows it here before its players do.
     */
    public record Realtime(int sockets, int rooms, double messagesInPerSecond, double messagesOutPerSecond,
                           double deliveryP50Ms, double deliveryP99Ms, double loopDelayP99Ms,
                           double loopDelayMaxMs) {}

    /**
     * Matches by mode, started and ended in the last minute, tick duration p99, and input-to-state latency p50/p99
     * (an accepted input's arrival at its match to the publication of the state that includes it).
     */
    public record Matches(Map<String, Integer> runningByMode, int waiting, double startedPerMinute,
                          double endedPerMinute, double tickP99Ms, double inputP50Ms, double inputP99Ms) {
        public Matches {
            runningByMode = new TreeMap<>(runningByMode);
        }

        public int running() {
            return runningByMode.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One matchmaking queue as its matcher last published it (cluster-wide already). */
    public record Queue(int playersWaiting, double waitP50Seconds, double waitP95Seconds, double spreadP50,
                        double formedPerMinute) {}

    /** Durable work in PostgreSQL: the result-job backlog (shared by all nodes) and this node's failures. */
    public record Work(long tournamentsRunning, long jobBacklog, double jobFailuresPerMinute) {}

    /** The HTTP edge and the database pool. {@code errorRate}: share of responses with a 5xx status. */
    public record Http(double requestsPerSecond, double errorRate, int dbInUse, int dbWaiting) {}
}
