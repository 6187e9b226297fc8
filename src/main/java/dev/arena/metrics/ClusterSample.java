package dev.arena.metrics;

import dev.arena.metrics.NodeSample.Http;
import dev.arena.metrics.NodeSample.Matches;
import dev.arena.metrics.NodeSample.NodeInfo;
import dev.arena.metrics.NodeSample.Queue;
import dev.arena.metrics.NodeSample.Realtime;
import dev.arena.metrics.NodeSample.Work;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole cluster for one second: every live node's latest {@link NodeSample} merged. {@code seq} counts this
 * node's merged samples, so a client can tell a missed second from a repeated one.
 *
 * <p>Merge rules, one per kind of number:
 * <ul>
 *   <li><b>sum</b>: what each node has or does on its own (sockets, rooms, messages, matches, started/ended, HTTP
 *       requests, job failures, database connections in use or waited for);</li>
 *   <li><b>max</b>: percentiles (a p99 cannot be summed and averaging hides the slow node; the worst node's p99
 *       is an upper bound of the cluster's);</li>
 *   <li><b>max</b> too for numbers every node reads from the same shared place (the matchmaking queues, published
 *       by each mode's one matcher; the result-job backlog and running tournaments, from PostgreSQL): summing
 *       would count them once per node;</li>
 *   <li><b>weighted mean</b>: the HTTP error rate, weighted by each node's requests.</li>
 * </ul>
 */
public record ClusterSample(long seq, long at, List<NodeInfo> nodes, Realtime realtime, Matches matches,
                            Map<String, Queue> queues, Work work, Http http) {

    public static ClusterSample merge(long seq, long at, List<NodeSample> samples) {
        List<NodeInfo> nodes = samples.stream().map(NodeSample::node)
                .sorted(Comparator.comparing(NodeInfo::id)).toList();
        int sockets = 0;
        int rooms = 0;
        double in = 0;
        double out = 0;
        double p50 = 0;
        double p99 = 0;
        Map<String, Integer> running = new TreeMap<>();
        int waiting = 0;
        double started = 0;
        double ended = 0;
        double tick = 0;
        double inputP50 = 0;
        double inputP99 = 0;
        Map<String, Queue> queues = new TreeMap<>();
        long tournaments = 0;
        long backlog = 0;
        double failures = 0;
        double requests = 0;
        double errors = 0;
        int dbInUse = 0;
        int dbWaiting = 0;
        double loopP99 = 0;
        double loopMax = 0;
        for (NodeSample s : samples) {
            Realtime r = s.realtime();
            sockets += r.sockets();
            rooms += r.rooms();
            in += r.messagesInPerSecond();
            out += r.messagesOutPerSecond();
            p50 = Math.max(p50, r.deliveryP50Ms());
            p99 = Math.max(p99, r.deliveryP99Ms());
            loopP99 = Math.max(loopP99, r.loopDelayP99Ms());
            loopMax = Math.max(loopMax, r.loopDelayMaxMs());
            Matches m = s.matches();
            m.runningByMode().forEach((mode, n) -> running.merge(mode, n, Integer::sum));
            waiting += m.waiting();
            started += m.startedPerMinute();
            ended += m.endedPerMinute();
            tick = Math.max(tick, m.tickP99Ms());
            inputP50 = Math.max(inputP50, m.inputP50Ms());
            inputP99 = Math.max(inputP99, m.inputP99Ms());
            s.queues().forEach((mode, q) -> queues.merge(mode, q, ClusterSample::larger));
            Work w = s.work();
            tournaments = Math.max(tournaments, w.tournamentsRunning());
            backlog = Math.max(backlog, w.jobBacklog());
            failures += w.jobFailuresPerMinute();
            Http h = s.http();
            requests += h.requestsPerSecond();
            errors += h.requestsPerSecond() * h.errorRate();
            dbInUse += h.dbInUse();
            dbWaiting += h.dbWaiting();
        }
        return new ClusterSample(seq, at, nodes, new Realtime(sockets, rooms, in, out, p50, p99, loopP99, loopMax),
                new Matches(running, waiting, started, ended, tick, inputP50, inputP99), queues, new Work(tournaments, backlog, failures),
                new Http(requests, requests == 0 ? 0 : errors / requests, dbInUse, dbWaiting));
    }

    /** Every node reports the same matcher's numbers, some a second older: the fuller one wins, field by field. */
    private static Queue larger(Queue a, Queue b) {
        return new Queue(Math.max(a.playersWaiting(), b.playersWaiting()), Math.max(a.waitP50Seconds(),
                b.waitP50Seconds()), Math.max(a.waitP95Seconds(), b.waitP95Seconds()),
                Math.max(a.spreadP50(), b.spreadP50()), Math.max(a.formedPerMinute(), b.formedPerMinute()));
    }

}
