package dev.arena.match;

import dev.arena.common.PlayerId;

/**
 * Where a match's output goes; implemented by the gateway (frames to sockets) and the results job (storage).
 * Called on the match's own context, one call at a time, so implementations must not block: hand work to
 * your own context or queue. An exception thrown here is logged and does not stop the match.
 */
public interface MatchListener {

    /** One tick's events ({@code match.event} to every player and spectator). */
    void frame(TickFrame frame);

    /** The match finished ({@code match.end}; store result and log). Called once, after the last frame. */
    void ended(MatchEnd end);

    /** The rules or the loop refused one queued input (an {@code error} frame to that player). */
    default void inputRejected(MatchId match, PlayerId player, long tick, String code, String message) {}

    /** An input over the player's per-tick budget was dropped (count it; abuse detection). */
    default void inputDropped(MatchId match, PlayerId player, long tick) {}

    /** The loop fell too far behind and skipped {@code count} ticks (a node overload signal). */
    default void ticksSkipped(MatchId match, long count) {}

    /**
     * One tick ran (metrics; called after every tick, after {@link #frame}).
     *
     * @param nanos    the whole tick on the owner: draining the inbox, the rules, publishing, and handing the
     *                 frame to the listeners (the gateway serialises and queues it there)
     * @param accepted inputs the rules accepted in this tick
     */
    default void ticked(MatchId match, long tick, long nanos, int accepted) {}

    /**
     * Input-to-state latency of the inputs applied in one tick (after {@link #frame}): {@code waitedNanos[0..count)}
     * are, for each, the time from its arrival at the match to the publication of the state that includes it. The
     * array is reused by the loop: read it during the call only.
     */
    default void inputsApplied(MatchId match, long[] waitedNanos, int count) {}

    /**
     * The number of spectators changed in the last tick (called after the tick's state is published, so
     * {@code view().spectators()} already shows {@code spectators}): at most once per tick, however many came or
     * went in it. For the lobby's "live now" counts; spectators come and go without a match event.
     */
    default void spectatorsChanged(MatchId match, int spectators) {}

    MatchListener NONE = new MatchListener() {
        public void frame(TickFrame frame) { }
        public void ended(MatchEnd end) { }
    };

    /**
     * Both listeners, {@code first} first (the gateway, so players see {@code match.end} before storage starts).
     * Only {@link #ended} goes to {@code second}: it is for consumers of results, not of frames.
     */
    static MatchListener withResults(MatchListener first, MatchListener second) {
        return new MatchListener() {
            public void frame(TickFrame frame) {
                first.frame(frame);
            }

            public void ended(MatchEnd end) {
                try {
                    first.ended(end);
                } finally {
                    second.ended(end);
                }
            }

            public void inputRejected(MatchId match, PlayerId player, long tick, String code, String message) {
                first.inputRejected(match, player, tick, code, message);
            }

            public void inputDropped(MatchId match, PlayerId player, long tick) {
                first.inputDropped(match, player, tick);
            }

            public void ticksSkipped(MatchId match, long count) {
                first.ticksSkipped(match, count);
            }

            public void ticked(MatchId match, long tick, long nanos, int accepted) {
                first.ticked(match, tick, nanos, accepted);
            }

            public void inputsApplied(MatchId match, long[] waitedNanos, int count) {
                first.inputsApplied(match, waitedNanos, count);
            }

            public void spectatorsChanged(MatchId match, int spectators) {
                first.spectatorsChanged(match, spectators);
            }
        };
    }
}
