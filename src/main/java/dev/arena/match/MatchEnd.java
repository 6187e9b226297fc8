package dev.arena.match;

import dev.arena.common.PlayerId;
import java.util.Objects;

/**
 * A finished match, handed to {@link MatchListener#ended}: what the durable-results job stores (result and log
 * in one transaction) and what the gateway turns into {@code match.end}.
 *
 * @param finalTick the last tick run
 * @param log       closed: every join, start, leave and accepted input, with tick numbers
 * @param reportedBy the player who reported a relayed game's result; null when the rules decided it
 * @param friendsOnly whether the match was shown only to its players ({@link MatchSpec#friendsOnly}): its stored
 *                  replay is too
 */
public record MatchEnd(MatchId match, String mode, MatchResult result, long finalTick, EventLog<?> log,
                       PlayerId reportedBy, boolean friendsOnly) {

    public MatchEnd(MatchId match, String mode, MatchResult result, long finalTick, EventLog<?> log) {
        this(match, mode, result, finalTick, log, null, false);
    }

    public MatchEnd(MatchId match, String mode, MatchResult result, long finalTick, EventLog<?> log,
                    PlayerId reportedBy) {
        this(match, mode, result, finalTick, log, reportedBy, false);
    }

    public MatchEnd {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(log, "log");
    }
}
