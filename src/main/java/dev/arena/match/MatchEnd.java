package dev.arena.match;

import java.util.Objects;

/**
 * A finished match, handed to {@link MatchListener#ended}: what the durable-results job stores (result and log
 * in one transaction) and what the gateway turns into {@code match.end}.
 *
 * @param finalTick the last tick run
 * @param log       closed: every join, start, leave, accepted input and event, with tick numbers
 */
public record MatchEnd(MatchId match, String mode, MatchResult result, long finalTick, EventLog<?> log) {

    public MatchEnd {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(log, "log");
    }
}
