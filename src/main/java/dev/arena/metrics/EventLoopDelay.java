package dev.arena.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How late each event loop runs a task that is due every {@link #PERIOD_NANOS}: the event-loop delay (what Node's
 * {@code monitorEventLoopDelay} and lila-ws's lag meter report). Whatever holds a loop shows here: a long handler,
 * a collector pause, a safepoint, or a core taken by another process. That is what a client of a room on that
 * loop waits through, and what the real-time targets count as a stall (docs/BENCHMARKS.md).
 *
 * <p>Published as the timer {@code arena_event_loop_delay_seconds} (all loops in one series) with buckets at the
 * bounds in {@link #BUCKETS}, so a reader of two scrapes can count the stalls between them ({@code arena bench}
 * reports them for its measured window), and its p99 and max on the live dashboard. A stall of S shows as a delay
 * between S - 10 ms and S: the next check was due somewhere in the stall.
 *
 * <p>Each check schedules the next one 10 ms after it runs (not at a fixed rate, which would run the missed checks
 * back to back after a stall and count one stall several times). Two loops checked 100 times a second each cost
 * well under a thousandth of a core.
 */
public final class EventLoopDelay {
    static final String NAME = "arena.event_loop.delay";
    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofSeconds(1)};

    private final Timer delay;
    private final LongSupplier nanos;

    EventLoopDelay(MeterRegistry registry, LongSupplier nanos) {
        this.delay = Timer.builder(NAME)
                .description("how late each event loop ran a check due every 10 ms")
                .serviceLevelObjectives(BUCKETS)
                .publishPercentiles(0.99) // the live dashboard's p99 (MetricSampler)
                .register(registry);
        this.nanos = nanos;
    }

    /** Starts checking every loop of {@code loops}; the checks end when the loops shut down. */
    static void watch(EventLoopGroup loops, MeterRegistry registry) {
        EventLoopDelay probe = new EventLoopDelay(registry, System::nanoTime);
        for (EventExecutor loop : loops) {
            probe.new Lane(loop).next(probe.nanos.getAsLong());
        }
    }

    /**
     * Records the delay of a check that was due at {@code dueNanos} and runs at {@code nowNanos} (none when it is
     * early, which a timer rounding down can be).
     */
    void check(long dueNanos, long nowNanos) {
        delay.record(Math.max(0, nowNanos - dueNanos), TimeUnit.NANOSECONDS);
    }

    /** One loop's checks: each runs on the loop and schedules the next. */
    private final class Lane implements Runnable {
        private final EventExecutor loop;
        private long due;

        Lane(EventExecutor loop) {
            this.loop = loop;
        }

        /** Schedules the next check, due one period after {@code nowNanos}. */
        void next(long nowNanos) {
            if (loop.isShuttingDown()) {
                return;
            }
            due = nowNanos + PERIOD_NANOS;
            try {
                loop.schedule(this, PERIOD_NANOS, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                // the loop refused the task: it is shutting down, and the checks end with it
            }
        }

        @Override
        public void run() {
            long now = nanos.getAsLong(); // one reading: the delay recorded and the next check's due time
            check(due, now);
            next(now);
        }
    }
}
