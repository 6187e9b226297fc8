package dev.arena.results;

import dev.arena.match.StoredLog;
import java.util.Objects;

/**
 * What is written when a match ends: the result, the replayable log and where it ran.
 *
 * @param relayed whether the result was reported by the clients ({@code POST /games/{id}/finish}) rather than
 *                decided by the server's rules
 */
public record StoredMatch(FinishedMatch match, long finalTick, String ownerNode, boolean relayed, StoredLog log) {
    public StoredMatch {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(ownerNode, "ownerNode");
        Objects.requireNonNull(log, "log");
    }
}
