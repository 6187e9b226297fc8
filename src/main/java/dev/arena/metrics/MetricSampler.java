package dev.arena.metrics;

import dev.arena.metrics.NodeSample.Http;
import dev.arena.metrics.NodeSample.Matches;
import dev.arena.metrics.NodeSample.NodeInfo;
import dev.arena.metrics.NodeSample.Queue;
import dev.arena.metrics.NodeSample.Realtime;
import dev.arena.metrics.NodeSample.Work;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads this node's numbers into a {@link NodeSample}: gauges as they are, counters turned into rates by
 * {@link Rates} against the injected clock, percentiles from the timers' own rolling windows (Micrometer keeps
 * them over the last minute or two, so a quiet second does not read as zero latency). Not thread-safe: the
 * dashboard feed calls it from its one worker thread, never from an event loop.
 */
public final class MetricSampler {
    private final String node;
    private final String version;
    private final MeterRegistry registry;
    private final NodeSources sources;
    private final Clock clock;
    private final long startedAt;
    private final Rates rates = new Rates();
    private Set<String> seenMatches = new HashSet<>();
    private long matchesStarted;
    private volatile Work shared = new Work(0, 0, 0);

    public MetricSampler(String node, String version, MeterRegistry registry, NodeSources sources, Clock clock) {
        this.node = node;
        this.version = version;
        this.registry = registry;
        this.sources = sources;
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    /** The latest tournaments/backlog counts, set when an asynchronous query completes. */
    void shared(Work work) {
        this.shared = work;
    }

    public NodeSample sample() {
        long now = clock.millis();
        rates.record("in", sum("arena.ws.messages.in", m -> true), now);
        rates.record("out", sum("arena.ws.messages.out", m -> true), now);
        rates.record("ended", sum("arena.matches.ended", m -> true), now);
        rates.record("jobFailures", sum("arena_result_jobs", m -> "failure".equals(m.getId().getTag("outcome"))), now);
        rates.record("http", sum("vertx.http.server.requests", m -> true), now);
        rates.record("http5xx", sum("vertx.http.server.requests", m -> {
            String code = m.getId().getTag("code");
            return code != null && code.startsWith("5");
        }), now);

        Map<String, Integer> running = new TreeMap<>();
        int waiting = 0;
        Set<String> ids = new HashSet<>();
        for (NodeSources.LiveMatch m : sources.matches()) {
            ids.add(m.id());
            if (!seenMatches.contains(m.id())) {
                matchesStarted++;
            }
            if (m.running()) {
                running.merge(m.mode(), 1, Integer::sum);
            } else {
                waiting++;
            }
        }
        seenMatches = ids;
        rates.record("started", matchesStarted, now);

        int sockets = (int) gauge("arena.ws.connections", m -> true);
        int rooms = (int) gauge("arena.rooms", m -> true);
        Realtime realtime = new Realtime(sockets, rooms, rates.perSecond("in"), rates.perSecond("out"),
                percentileMs("arena.room.delivery.latency", 0.5), percentileMs("arena.room.delivery.latency", 0.99),
                percentileMs(EventLoopDelay.NAME, 0.99), maxMs(EventLoopDelay.NAME));
        Matches matches = new Matches(running, waiting, rates.perMinute("started"), rates.perMinute("ended"),
                percentileMs("arena.match.tick.recent", 0.99), percentileMs("arena.match.input.latency", 0.5),
                percentileMs("arena.match.input.latency", 0.99));
        double requests = rates.perSecond("http");
        Http http = new Http(requests, requests == 0 ? 0 : rates.perSecond("http5xx") / requests,
                (int) gauge("vertx.pool.in.use", m -> true), (int) gauge("vertx.pool.queue.pending", m -> true));
        Runtime rt = Runtime.getRuntime();
        long mb = 1024 * 1024;
        NodeInfo info = new NodeInfo(node, version, (now - startedAt) / 1000, sockets, rooms,
                matches.running() + waiting, (rt.totalMemory() - rt.freeMemory()) / mb, rt.maxMemory() / mb,
                sources.leases());
        Work work = new Work(shared.tournamentsRunning(), shared.jobBacklog(), rates.perMinute("jobFailures"));
        return new NodeSample(info, now, realtime, matches, queues(), work, http);
    }

    /** The matchmaking gauges, one set per mode (MatchmakingMetrics): already the cluster's queues. */
    private Map<String, Queue> queues() {
        Map<String, Map<String, Double>> byMode = new HashMap<>();
        for (Meter m : registry.getMeters()) {
            String name = m.getId().getName();
            String mode = m.getId().getTag("mode");
            if (mode == null || !name.startsWith("arena.matchmaking.") || !(m instanceof Gauge g)) {
                continue;
            }
            String q = m.getId().getTag("quantile");
            byMode.computeIfAbsent(mode, k -> new HashMap<>()).put(q == null ? name : name + "@" + q, g.value());
        }
        Map<String, Queue> out = new TreeMap<>();
        byMode.forEach((mode, v) -> out.put(mode, new Queue(
                (int) (double) v.getOrDefault("arena.matchmaking.queue.players", 0.0),
                v.getOrDefault("arena.matchmaking.wait.seconds@0.5", 0.0),
                v.getOrDefault("arena.matchmaking.wait.seconds@0.95", 0.0),
                v.getOrDefault("arena.matchmaking.rating.spread@0.5", 0.0),
                // the gauge counts matches formed over the last five minutes
                v.getOrDefault("arena.matchmaking.matches.recent", 0.0) / 5)));
        return out;
    }

    /** The sum of every counter (or timer's count) of that name whose tags pass. */
    private double sum(String name, Predicate<Meter> which) {
        double total = 0;
        for (Meter m : registry.find(name).meters()) {
            if (!which.test(m)) {
                continue;
            }
            total += switch (m) {
                case Counter c -> c.count();
                case FunctionCounter c -> c.count();
                case Timer t -> t.count();
                default -> 0;
            };
        }
        return total;
    }

    private double gauge(String name, Predicate<Meter> which) {
        double total = 0;
        for (Meter m : registry.find(name).meters()) {
            if (which.test(m) && m instanceof Gauge g && Double.isFinite(g.value())) {
                total += g.value();
            }
        }
        return total;
    }

    /** The longest value of the timers named {@code name} in their rolling window, in ms (0 when none). */
    private double maxMs(String name) {
        double worst = 0;
        for (Timer t : registry.find(name).timers()) {
            worst = Math.max(worst, t.max(TimeUnit.MILLISECONDS));
        }
        return worst;
    }

    /** The worst value of that percentile over the timers of that name, in milliseconds. */
    private double percentileMs(String name, double percentile) {
        double worst = 0;
        for (Timer t : registry.find(name).timers()) {
            for (ValueAtPercentile v : t.takeSnapshot().percentileValues()) {
                if (Math.abs(v.percentile() - percentile) < 1e-9) {
                    worst = Math.max(worst, v.value(TimeUnit.NANOSECONDS) / 1e6);
                }
            }
        }
        return worst;
    }
}
