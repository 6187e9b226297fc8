package dev.arena.leaderboard;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Always-fresh ranked boards: each board maps a player to one score, and ranks are read straight from the index
 * (no periodic recomputation).
 *
 * <h2>Order</h2>
 * Higher score first. Equal scores are ordered by player id, <em>descending</em>, comparing the 128 bits of the
 * UUID as an unsigned number (equivalently: descending order of the canonical lower-case string form). That is
 * exactly the order Redis's {@code ZREVRANGE}/{@code ZREVRANK} give to equal-score members stored as canonical
 * UUID strings, so a Redis implementation gets it natively; note that it differs from {@link UUID#compareTo},
 * which compares signed halves.
 *
 * <h2>Asynchrony and errors</h2>
 * Every operation returns a {@link CompletionStage} so an implementation over the network never blocks the
 * caller. Arguments are checked before any work starts: a bad argument (null, non-finite score, negative offset,
 * limit or radius) is a programming error and throws at once instead of failing the stage. Storage failures
 * fail the stage.
 *
 * <p>Ranks are consistent per call; two calls may observe different states when other writers are active.
 */
public interface LeaderboardIndex {

    /**
     * Sets the player's score on the board, adding the player or moving them if already present.
     * A board comes into existence with its first player.
     *
     * @param score finite; {@code -0.0} is stored as {@code 0.0} (see {@link #normalizeScore})
     */
    CompletionStage<Void> put(BoardName board, UUID playerId, double score);

    /** Removes the player from the board; completes with whether they were on it. */
    CompletionStage<Boolean> remove(BoardName board, UUID playerId);

    /** The player's 1-based rank, or empty when they are not on the board. */
    CompletionStage<OptionalLong> rank(BoardName board, UUID playerId);

    /**
     * Up to {@code limit} entries starting after the first {@code offset} ones (offset 0 is the leader).
     * An offset at or past the end gives an empty list.
     */
    CompletionStage<List<LeaderboardEntry>> top(BoardName board, long offset, int limit);

    /**
     * The player and up to {@code radius} entries on each side, best first. The window is clipped at the ends of
     * the board rather than shifted, so the player stays in the middle whenever there is room; empty when the
     * player is not on the board.
     */
    CompletionStage<List<LeaderboardEntry>> around(BoardName board, UUID playerId, int radius);

    /** The number of players on the board (0 for a board that does not exist). */
    CompletionStage<Long> size(BoardName board);

    /** Removes every player from the board. */
    CompletionStage<Void> clear(BoardName board);

    /**
     * The score as every implementation stores it: finite, and with {@code -0.0} folded into {@code 0.0}
     * (Redis cannot tell them apart, and {@link Double#compare} would rank them differently).
     *
     * @throws IllegalArgumentException for NaN and infinities, which have no meaningful rank
     */
    static double normalizeScore(double score) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, was " + score);
        }
        return score == 0 ? 0.0 : score;
    }
}
