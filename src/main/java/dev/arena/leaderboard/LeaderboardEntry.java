package dev.arena.leaderboard;

import java.util.Objects;
import java.util.UUID;

/**
 * One row of a board.
 *
 * @param rank 1-based position, see {@link LeaderboardIndex} for the order
 */
public record LeaderboardEntry(long rank, UUID playerId, double score) {

    public LeaderboardEntry {
        Objects.requireNonNull(playerId, "playerId");
        if (rank < 1) {
            throw new IllegalArgumentException("rank is 1-based, was " + rank);
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, was " + score);
        }
    }
}
