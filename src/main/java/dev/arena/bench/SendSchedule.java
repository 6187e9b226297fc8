package dev.arena.bench;

/**
 * A fixed-rate send schedule: how many messages are due at a given instant, computed from the start time
 * and the number already issued (never from per-message sleeps, whose errors accumulate).
 *
 * <p>A periodic timer calls {@link #due(long)} every few milliseconds and sends that many messages. When the
 * caller falls more than {@code maxLagNanos} behind (a long GC pause, an overloaded machine) the backlog
 * beyond that bound is skipped and counted in {@link #skipped()} instead of being sent as a burst, so the
 * load the server sees stays the load that was asked for, and the shortfall is reported. Not thread-safe:
 * one owner (a load-generator event loop) calls it.
 */
final class SendSchedule {
    private final double ratePerSecond;
    private final long startNanos;
    private final long maxBacklog;
    private long issued;
    private long skipped;

    SendSchedule(double ratePerSecond, long startNanos, long maxLagNanos) {
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a finite number >= 0, was " + ratePerSecond);
        }
        if (maxLagNanos <= 0) {
            throw new IllegalArgumentException("maxLagNanos must be > 0");
        }
        this.ratePerSecond = ratePerSecond;
        this.startNanos = startNanos;
        this.maxBacklog = Math.max(1, (long) Math.ceil(ratePerSecond * maxLagNanos / 1e9));
    }

    /** The number of messages to send now; afterwards they count as issued. */
    int due(long nowNanos) {
        long target = targetAt(nowNanos);
        long backlog = target - issued;
        if (backlog <= 0) {
            return 0;
        }
        if (backlog > maxBacklog) {
            skipped += backlog - maxBacklog;
            backlog = maxBacklog;
        }
        issued = target;
        return (int) Math.min(backlog, Integer.MAX_VALUE);
    }

    /** Messages the schedule called for by {@code nowNanos} since the start (sent or skipped). */
    long targetAt(long nowNanos) {
        long elapsed = nowNanos - startNanos;
        // multiply first: 5.02 s at 100/s must give exactly 502, not 501.99999
        return elapsed <= 0 ? 0 : (long) Math.floor(elapsed * ratePerSecond / 1e9);
    }

    /** Messages dropped because the sender fell behind by more than the allowed lag. */
    long skipped() {
        return skipped;
    }
}
