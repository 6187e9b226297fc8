package dev.arena.rating;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stored Glicko-2 ratings, per player and mode. */
public interface RatingStore extends RatingSource {

    /** One player's rating in one mode, with the number of rated games behind it. */
    record ModeRating(String mode, Rating rating, int games) {}

    /**
     * Rates one finished match, once: the first call updates every participant's rating in the mode from their
     * stored ratings (unrated players start at {@link Rating#UNRATED}) and records the change under
     * {@code gameId}; later calls for the same game change nothing. Either way {@code whileLocked} gets the
     * participants' current ratings while their rows are still locked, before the commit: what it publishes (the
     * leaderboard) is therefore published in the order the ratings changed, never an older value after a newer one.
     *
     * @param standings player to place (1 = best; tied players share a place)
     */
    Future<Void> rateOnce(UUID gameId, String mode, Map<UUID, Integer> standings, Glicko2 glicko, Instant now,
                          java.util.function.Function<Map<UUID, Rating>, Future<Void>> whileLocked);

    /** Every mode the player has a rating in, most played first. */
    Future<List<ModeRating>> of(UUID player);

    /** The modes anyone has a rating in. */
    Future<List<String>> modes();

    /** Every player's rating in the mode (to rebuild a leaderboard index). */
    Future<Map<UUID, Double>> board(String mode);
}
