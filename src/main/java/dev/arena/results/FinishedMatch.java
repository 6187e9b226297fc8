package dev.arena.results;

import dev.arena.match.MatchId;
import dev.arena.match.MatchResult;
import java.time.Instant;
import java.util.Objects;

/**
 * A match result as stored in PostgreSQL: what every {@link ResultStep} reads.
 *
 * @param finishedAt when the match ended (the node's clock)
 */
public record FinishedMatch(MatchId id, String mode, MatchResult result, Instant finishedAt) {
    public FinishedMatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
