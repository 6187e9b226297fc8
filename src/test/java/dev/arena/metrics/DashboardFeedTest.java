package dev.arena.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.MutableClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Two nodes' feeds over one exchange: each merges both, drops a silent node, keeps history, samples per second. */
class DashboardFeedTest {
    private final MutableClock clock = new MutableClock();

    /** An in-memory exchange shared by several feeds (what Redis pub/sub does between nodes). */
    static final class Bus {
        final List<Consumer<NodeSample>> receivers = new ArrayList<>();

        MetricsExchange exchange() {
            return new MetricsExchange() {
                @Override
                public Future<Void> start(Consumer<NodeSample> receiver) {
                    receivers.add(receiver);
                    return Future.succeededFuture();
                }

                @Override
                public void publish(NodeSample sample) {
                    receivers.forEach(r -> r.accept(sample));
                }

                @Override
                public Future<Void> close() {
                    return Future.succeededFuture();
                }
            };
        }
    }

    private DashboardFeed feed(String node, Bus bus, AtomicInteger sockets) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Gauge.builder("arena.ws.connections", sockets, AtomicInteger::get).register(registry);
        NodeSources sources = new NodeSources() {
            @Override
            public Collection<LiveMatch> matches() {
                return List.of();
            }

            @Override
            public List<String> leases() {
                return List.of();
            }

            @Override
            public Future<NodeSample.Work> sharedWork() {
                return Future.succeededFuture(new NodeSample.Work(0, 0, 0));
            }
        };
        DashboardFeed f = new DashboardFeed(new MetricSampler(node, "1", registry, sources, clock), bus.exchange(),
                sources, clock);
        f.subscribe();
        return f;
    }

    private static int sockets(String json) {
        return dev.arena.common.Json.decode(json, Map.class).get("realtime") instanceof Map<?, ?> m
                ? ((Number) m.get("sockets")).intValue() : -1;
    }

    @Test
    void everyNodeShowsTheWholeClusterAndASilentNodeDropsOutAfterItGoesStale() {
        Bus bus = new Bus();
        AtomicInteger a = new AtomicInteger(3);
        AtomicInteger b = new AtomicInteger(4);
        DashboardFeed na = feed("a", bus, a);
        DashboardFeed nb = feed("b", bus, b);
        nb.tick();
        assertThat(sockets(na.tick())).isEqualTo(7);

        // b stops publishing (crashed): after the stale limit a shows itself only
        clock.advance(DashboardFeed.STALE.plusSeconds(1));
        assertThat(sockets(na.tick())).isEqualTo(3);
    }

    @Test
    void aSampleIsTakenOncePerSecondOfTheClockAndKeptInHistory() {
        DashboardFeed f = feed("a", new Bus(), new AtomicInteger(1));
        List<Long> seen = new ArrayList<>();
        f.listen(new DashboardFeed.Listener() {
            @Override
            public void sample(long seq, String json) {
                seen.add(seq);
            }

            @Override
            public void closed() { }
        });
        f.poll();
        f.poll(); // same second: nothing new
        clock.advance(Duration.ofMillis(1000));
        f.poll();
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(f.history(3600)).hasSize(2);
        clock.advance(Duration.ofHours(2));
        f.poll();
        assertThat(f.history(60)).as("only the last minute").hasSize(1);
    }
}
