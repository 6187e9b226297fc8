package dev.arena.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.transport.Transport;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event loops' delay: what a check records, and that every loop of a node is checked. */
class EventLoopDelayTest {
    private static final long MS = 1_000_000;

    @Test
    void aCheckRecordsHowLateItRanAndNothingWhenEarly() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventLoopDelay probe = new EventLoopDelay(registry, () -> 0);
        probe.check(100 * MS, 100 * MS + 300_000); // on time, within a timer's granularity
        probe.check(200 * MS, 240 * MS);           // a 40 ms stall
        probe.check(300 * MS, 299 * MS);           // early: counted, as no delay

        Timer timer = registry.get("arena.event_loop.delay").timer();
        assertThat(timer.count()).isEqualTo(3);
        assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(40.0);
        assertThat(countAtOrBelow(timer, 25)).isEqualTo(2); // the buckets tell a stall from the rest
        assertThat(countAtOrBelow(timer, 50)).isEqualTo(3);
    }

    @Test
    void aNodesMetricsCheckEveryLoopAndSeeOneThatIsHeld() throws Exception {
        Metrics metrics = new Metrics();
        Vertx vertx = metrics.newVertx(new VertxOptions().setEventLoopPoolSize(2), Transport.NIO);
        try {
            Timer timer = metrics.registry().get("arena.event_loop.delay").timer();
            List<EventExecutor> loops = new ArrayList<>();
            ((VertxInternal) vertx).eventLoopGroup().forEach(loops::add);
            assertThat(loops).hasSize(2);

            // hold each loop for 60 ms (the stall under test), then look once its overdue check has run
            for (EventExecutor loop : loops) {
                long before = countOver(timer, 25);
                CompletableFuture<Long> seen = new CompletableFuture<>();
                loop.execute(() -> {
                    long until = System.nanoTime() + 60 * MS;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    // runs after the check that fell due in the stall: a loop runs due scheduled tasks in order
                    loop.schedule(() -> seen.complete(countOver(timer, 25)), 25, TimeUnit.MILLISECONDS);
                });
                assertThat(seen.get(10, TimeUnit.SECONDS)).isGreaterThan(before);
            }
            assertThat(metrics.scrape()).contains("arena_event_loop_delay_seconds_bucket{le=\"0.025\"}");
            // the collector's pauses get the same buckets (the JVM binder registers its timer at the first pause);
            // with the binder's tag keys, as Prometheus refuses a second set of keys for one name (a real pause in
            // the test would have registered them first)
            metrics.registry().timer("jvm.gc.pause", "action", "test", "cause", "test", "gc", "test")
                    .record(30, TimeUnit.MILLISECONDS);
            String series = "jvm_gc_pause_seconds_bucket{action=\"test\",cause=\"test\",gc=\"test\",";
            assertThat(metrics.scrape()).contains(series + "le=\"0.025\"} 0").contains(series + "le=\"0.05\"} 1");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
            metrics.close();
        }
    }

    /**
     * The checks recorded over {@code millis} (and up to the top bucket, 1 s), from one snapshot's buckets. Not
     * {@code count()} minus a bucket: the other loop records checks meanwhile, and a check recorded between the two
     * reads would cancel the stall under test (a CI run failed so).
     */
    private static long countOver(Timer timer, double millis) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        return countAtOrBelow(snapshot, 1000) - countAtOrBelow(snapshot, millis);
    }

    private static long countAtOrBelow(Timer timer, double millis) {
        return countAtOrBelow(timer.takeSnapshot(), millis);
    }

    private static long countAtOrBelow(HistogramSnapshot snapshot, double millis) {
        for (CountAtBucket b : snapshot.histogramCounts()) {
            if (b.bucket(TimeUnit.MILLISECONDS) == millis) {
                return (long) b.count();
            }
        }
        throw new AssertionError("no bucket at " + millis + " ms");
    }
}
