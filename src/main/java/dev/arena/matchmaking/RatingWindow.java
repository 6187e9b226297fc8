package dev.arena.matchmaking;

import java.time.Duration;

/**
 * How far from its own rating a ticket accepts opponents, as a function of how long it has waited:
 * {@code min(start + growthPerSecond * waitSeconds, max)}, applied on both sides (a half-width).
 * Growing with time trades match quality for waiting time; the cap keeps a lone outlier from being
 * thrown in with anyone at all.
 */
public record RatingWindow(double start, double growthPerSecond, double max) {

    public RatingWindow {
        if (!Double.isFinite(start) || start < 0) {
            throw new IllegalArgumentException("start must be >= 0, was " + start);
        }
        if (!Double.isFinite(growthPerSecond) || growthPerSecond < 0) {
            throw new IllegalArgumentException("growthPerSecond must be >= 0, was " + growthPerSecond);
        }
        if (!Double.isFinite(max) || max < start) {
            throw new IllegalArgumentException("max must be >= start (" + start + "), was " + max);
        }
    }

    /** Half-width of the window after {@code wait}; a negative wait (clock stepped back) counts as zero. */
    public double at(Duration wait) {
        double seconds = Math.max(0, wait.toNanos() / 1e9);
        return Math.min(max, start + growthPerSecond * seconds);
    }

    /** How long a ticket waits before its window stops growing ({@link Duration#ZERO} if it never grows). */
    public Duration timeToMax() {
        if (growthPerSecond == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((max - start) / growthPerSecond * 1e9));
    }
}
