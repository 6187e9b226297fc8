package dev.arena.match;

/**
 * Counters of one match, for metrics and tests.
 *
 * @param ticks          ticks run
 * @param skippedTicks   ticks not run because the loop fell more than {@code maxCatchUpTicks} behind
 * @param acceptedInputs inputs the rules accepted
 * @param rejectedInputs inputs refused by the rules or the loop (not a participant, not started, ...)
 * @param droppedInputs  inputs over a player's per-tick budget, dropped unseen by the rules
 * @param busyRefusals   inputs and joins refused because the inbox was full
 * @param lastTickNanos  how long the last tick took
 * @param maxTickNanos   the longest tick so far
 */
public record MatchStats(long ticks, long skippedTicks, long acceptedInputs, long rejectedInputs,
                         long droppedInputs, long busyRefusals, long lastTickNanos, long maxTickNanos) {

    static final MatchStats ZERO = new MatchStats(0, 0, 0, 0, 0, 0, 0, 0);

    MatchStats withBusy(long busy) {
        return new MatchStats(ticks, skippedTicks, acceptedInputs, rejectedInputs, droppedInputs, busy, lastTickNanos,
                maxTickNanos);
    }
}
