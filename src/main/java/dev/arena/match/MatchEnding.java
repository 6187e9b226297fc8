package dev.arena.match;

import java.util.Optional;

/**
 * What ends a match, asked once per tick after the rules ran; the first answer wins: a result its players reported
 * (relayed games), the rules' result, a stop (node shutdown, an operator), then the empty-match rule (nobody
 * connected for the match's empty timeout). Owner only.
 */
final class MatchEnding<S> {
    private final GameRules<?, S, ?> rules;
    private final long emptyTicks;
    /** The relayed game's reported result, once one was accepted. */
    final RelayedResult relayed = new RelayedResult();
    private long emptyFor;
    private String stopReason;

    MatchEnding(GameRules<?, S, ?> rules, long emptyTicks) {
        this.rules = rules;
        this.emptyTicks = emptyTicks;
    }

    /** Ends the match as abandoned with {@code reason} at this tick's check. */
    void stop(String reason) {
        stopReason = reason;
    }

    /** The result that ends the match at this tick, or null while it goes on. Counts the empty ticks. */
    MatchResult check(MatchStatus status, S state, boolean anyoneConnected) {
        if (relayed.reported() != null) {
            return relayed.reported();
        }
        if (status == MatchStatus.RUNNING) {
            Optional<MatchResult> r = rules.result(state);
            if (r.isPresent()) {
                return r.get();
            }
        }
        if (stopReason != null) {
            return MatchResult.abandoned(stopReason);
        }
        emptyFor = anyoneConnected ? 0 : emptyFor + 1;
        return emptyFor >= emptyTicks ? MatchResult.abandoned("empty") : null;
    }
}
