package dev.arena.matchmaking;

import java.time.Duration;
import java.util.Objects;

/**
 * Queue health and match quality of one mode at one instant, for dashboards and for tuning windows.
 * Percentiles are nearest-rank over the matches formed in the last {@code window}; with no matches in
 * that period they are zero and {@code matchesFormed} says so.
 *
 * @param queueLength    tickets waiting now (a party counts once)
 * @param playersWaiting players waiting now
 * @param oldestWait     longest current wait
 * @param window         the recent period the percentiles cover
 * @param matchesFormed  proposals formed in that period
 * @param waitP50        median wait of the tickets matched in that period
 * @param waitP95        95th percentile of the same
 * @param spreadP50      median {@link MatchProposal#ratingSpread()} of the proposals in that period
 * @param spreadP95      95th percentile of the same
 */
public record MatchmakingStats(
        String mode,
        int queueLength,
        int playersWaiting,
        Duration oldestWait,
        Duration window,
        int matchesFormed,
        Duration waitP50,
        Duration waitP95,
        double spreadP50,
        double spreadP95) {

    public MatchmakingStats {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(oldestWait, "oldestWait");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(waitP50, "waitP50");
        Objects.requireNonNull(waitP95, "waitP95");
    }

    /** Nearest-rank percentile of an ascending array; 0 for an empty one. {@code p} is in (0, 100]. */
    static double percentile(double[] ascending, double p) {
        if (ascending.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.length);
        return ascending[Math.max(0, Math.min(ascending.length, rank) - 1)];
    }

    static long percentile(long[] ascending, double p) {
        if (ascending.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.length);
        return ascending[Math.max(0, Math.min(ascending.length, rank) - 1)];
    }
}
