package dev.arena.match;

import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Drives a match's ticks at its game's rate on the match's owner, through {@link TickPacer}: a late timer runs the
 * due ticks back to back up to the catch-up limit, and skips (and reports) the rest. Owner-only.
 */
final class TickTimer {
    private final TickScheduler scheduler;
    private final long periodNanos;
    private final int maxCatchUpTicks;
    private final Runnable tick;
    private final BooleanSupplier finished;
    /** Told how many ticks were skipped since it was last told. */
    private final LongConsumer skippedTicks;
    /** One instance for every tick, not a new method reference per schedule. */
    private final Runnable onTimer = this::onTimer;
    private TickPacer pacer;
    private TickScheduler.Cancellable timer;
    private long skippedReported;

    TickTimer(TickScheduler scheduler, int tickRate, int maxCatchUpTicks, Runnable tick, BooleanSupplier finished,
              LongConsumer skippedTicks) {
        this.scheduler = scheduler;
        this.periodNanos = 1_000_000_000L / tickRate;
        this.maxCatchUpTicks = maxCatchUpTicks;
        this.tick = tick;
        this.finished = finished;
        this.skippedTicks = skippedTicks;
    }

    /** Starts the timer once; later calls do nothing. */
    void start() {
        if (pacer != null) {
            return;
        }
        pacer = new TickPacer(periodNanos, maxCatchUpTicks, scheduler.tickBase());
        scheduleNext();
    }

    /** Ticks skipped so far (0 before the start). */
    long skipped() {
        return pacer == null ? 0 : pacer.skipped();
    }

    void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void scheduleNext() {
        timer = scheduler.schedule(pacer.nanosUntilNext(scheduler.nanoTime()), onTimer);
    }

    private void onTimer() {
        timer = null;
        if (finished.getAsBoolean()) {
            return;
        }
        int due = pacer.due(scheduler.nanoTime());
        long skipped = pacer.skipped() - skippedReported;
        if (skipped > 0) {
            skippedReported = pacer.skipped();
            skippedTicks.accept(skipped);
        }
        for (int i = 0; i < due && !finished.getAsBoolean(); i++) {
            tick.run();
        }
        if (!finished.getAsBoolean()) {
            scheduleNext();
        }
    }
}
