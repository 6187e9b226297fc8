package dev.arena.match;

/**
 * Fixed-rate tick timing with a catch-up limit (Minestom's tick scheduler): tick {@code k} after the base is
 * due at {@code base + k * period}, so small timer delays never accumulate into drift. When the loop is late
 * by at most {@code maxCatchUp} ticks, all due ticks run back to back; when later (a stalled event loop, a GC
 * pause, a suspended VM), spinning through the backlog would only make it later, so the base is reset to now,
 * one tick runs and the rest are counted as skipped. Pure arithmetic on a nanosecond clock; not thread-safe.
 */
final class TickPacer {
    private final long period;
    private final int maxCatchUp;
    private long base;
    private long done;
    private long skipped;

    TickPacer(long periodNanos, int maxCatchUp, long startNanos) {
        if (periodNanos <= 0 || maxCatchUp < 1) {
            throw new IllegalArgumentException("period and catch-up limit must be positive");
        }
        this.period = periodNanos;
        this.maxCatchUp = maxCatchUp;
        this.base = startNanos;
    }

    /** How many ticks to run now (0 when early). */
    int due(long now) {
        long behind = (now - base) / period - done;
        if (behind <= 0) {
            return 0;
        }
        if (behind > maxCatchUp) {
            skipped += behind - 1;
            base = now;
            done = 0;
            return 1;
        }
        done += behind;
        return (int) behind;
    }

    /** Nanoseconds from {@code now} until the next tick is due (0 when already due). */
    long nanosUntilNext(long now) {
        return Math.max(0, base + (done + 1) * period - now);
    }

    /** Ticks skipped so far. */
    long skipped() {
        return skipped;
    }
}
