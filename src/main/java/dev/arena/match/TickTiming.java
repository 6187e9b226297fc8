package dev.arena.match;

import dev.arena.common.LogThrottle;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timing of one match's ticks, owner only: the {@link TickTimer} that paces them at the game's rate (catch-up
 * limit), what happens when it falls behind (a throttled log line, {@link MatchListener#ticksSkipped}), and how
 * long the ticks take (the last and the longest, for {@link MatchStats}).
 */
final class TickTiming {
    private static final Logger log = LoggerFactory.getLogger(MatchLoop.class);
    /**
     * One line a second for the whole node: an overloaded node has every match fall behind at once, and a line per
     * match and wake (63,000 in one minute at 500 matches) took CPU the matches needed. Each is still counted
     * ({@link MatchListener#ticksSkipped}).
     */
    private static final LogThrottle BEHIND_LOG = new LogThrottle(Duration.ofSeconds(1));

    private final TickScheduler scheduler;
    private final TickTimer timer;
    private long lastTickNanos;
    private long maxTickNanos;

    /** Paces {@code tick} once {@link #start}ed, until the match has finished. */
    TickTiming(MatchRun<?, ?, ?> run, TickScheduler scheduler, Runnable tick) {
        this.scheduler = scheduler;
        this.timer = new TickTimer(scheduler, run.info.tickRate(), run.config.maxCatchUpTicks(), tick,
                () -> run.status == MatchStatus.FINISHED, skipped -> {
                    long held = BEHIND_LOG.admit();
                    if (held >= 0) {
                        log.warn("match {} ({}) fell behind: {} ticks skipped{}", run.id, run.info.mode(), skipped,
                                LogThrottle.andMore(held));
                    }
                    run.safely(() -> run.listener.ticksSkipped(run.id, skipped));
                });
    }

    /** Starts the timer once; later calls do nothing. */
    void start() {
        timer.start();
    }

    void cancel() {
        timer.cancel();
    }

    /** The time a tick begins, handed back to {@link #tickRan}. */
    long tickBegins() {
        return scheduler.nanoTime();
    }

    /** The tick begun at {@code beganNanos} has run its rules: its duration counts as the last tick's. */
    void tickRan(long beganNanos) {
        lastTickNanos = scheduler.nanoTime() - beganNanos;
        maxTickNanos = Math.max(maxTickNanos, lastTickNanos);
    }

    /** The counters so far, timing included. */
    MatchStats stats(long ticks, long accepted, long rejected, long dropped) {
        return new MatchStats(ticks, timer.skipped(), accepted, rejected, dropped, 0, lastTickNanos, maxTickNanos);
    }
}
