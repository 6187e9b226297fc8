package dev.arena.metrics;

import dev.arena.common.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's live feed: once a second (by the injected clock) this node samples itself, publishes the sample to
 * the other nodes, merges every node's latest sample into a {@link ClusterSample}, keeps it in an hour of history and
 * hands its JSON text to every listener (the open dashboard streams).
 *
 * <p>Threading: all sampling and merging runs on one worker thread of its own ({@code arena-dashboard}), so no event
 * loop pays for reading the registry; a 200 ms real-time poll asks "has the clock entered a new second?", so a
 * test's {@code MutableClock} drives it as well as the system clock. Other nodes' samples arrive on any thread into
 * a concurrent map. Listeners must not block: they are called on that worker.
 */
public final class DashboardFeed {
    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);
    /** A node whose samples are older than this is left out of the merge (it is dead, or cut off). */
    public static final Duration STALE = Duration.ofSeconds(5);
    /** One hour at one sample a second. */
    public static final int HISTORY = 3600;
    private static final long POLL_MS = 200;
    private static final long SHARED_WORK_MS = 5_000;

    /** An open stream. Called on the feed's worker; must hand the text on without blocking. */
    public interface Listener {
        void sample(long seq, String json);

        /** The node is stopping: end the stream. */
        void closed();
    }

    private final MetricSampler sampler;
    private final MetricsExchange exchange;
    private final NodeSources sources;
    private final Clock clock;
    private final MetricHistory history = new MetricHistory(HISTORY);
    private final Map<String, NodeSample> latest = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile String current;
    private long seq;
    private long lastSecond = Long.MIN_VALUE;
    private Vertx vertx;
    private WorkerExecutor worker;
    private long pollTimer = -1;
    private long workTimer = -1;

    public DashboardFeed(MetricSampler sampler, MetricsExchange exchange, NodeSources sources, Clock clock) {
        this.sampler = sampler;
        this.exchange = exchange;
        this.sources = sources;
        this.clock = clock;
    }

    public Future<Void> start(Vertx vertx) {
        this.vertx = vertx;
        worker = vertx.createSharedWorkerExecutor("arena-dashboard", 1);
        return subscribe().onSuccess(v -> {
            refreshSharedWork();
            workTimer = vertx.setPeriodic(SHARED_WORK_MS, t -> refreshSharedWork());
            pollTimer = vertx.setPeriodic(POLL_MS, t -> worker.executeBlocking(() -> {
                poll();
                return null;
            }, true).onFailure(e -> log.warn("dashboard sample failed", e)));
        });
    }

    /** Receives every node's samples; {@link #start} adds the timers (tests call {@link #tick()} themselves). */
    Future<Void> subscribe() {
        return exchange.start(s -> latest.put(s.node().id(), s));
    }

    private void refreshSharedWork() {
        sources.sharedWork().onSuccess(sampler::shared)
                .onFailure(e -> log.debug("dashboard: shared counts not read: {}", e.toString()));
    }

    /** Takes a sample when the clock has entered a new second since the last one. */
    void poll() {
        long second = Math.floorDiv(clock.millis(), 1000);
        if (second != lastSecond) {
            lastSecond = second;
            tick();
        }
    }

    /** One second: sample, publish, merge, keep, send. Returns the merged sample's JSON. Tests call it directly. */
    public String tick() {
        NodeSample own = sampler.sample();
        latest.put(own.node().id(), own);
        exchange.publish(own);
        long staleBefore = own.at() - STALE.toMillis();
        latest.values().removeIf(s -> s.at() < staleBefore);
        ClusterSample merged = ClusterSample.merge(++seq, own.at(), List.copyOf(latest.values()));
        String json = Json.encodeToString(merged);
        history.add(own.at(), json);
        current = json;
        for (Listener l : listeners) {
            l.sample(merged.seq(), json);
        }
        return json;
    }

    /** The latest merged sample's JSON, or null before the first second. */
    public String current() {
        return current;
    }

    /** The merged samples of the last {@code seconds}, oldest first, as JSON texts. */
    public List<String> history(long seconds) {
        return history.since(clock.millis() - seconds * 1000);
    }

    public void listen(Listener l) {
        listeners.add(l);
    }

    public void unlisten(Listener l) {
        listeners.remove(l);
    }

    public int listeners() {
        return listeners.size();
    }

    public Future<Void> close() {
        if (vertx != null) {
            vertx.cancelTimer(pollTimer);
            vertx.cancelTimer(workTimer);
        }
        for (Listener l : listeners) {
            l.closed();
        }
        listeners.clear();
        Future<Void> closed = exchange.close();
        if (worker != null) {
            worker.close();
        }
        return closed;
    }
}
