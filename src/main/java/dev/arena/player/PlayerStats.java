package dev.arena.player;

import dev.arena.rating.RatingStore;
import java.util.List;
import java.util.UUID;

/**
 * Aggregates shown by {@code /players/{id}/stats}. Counts cover rated results (won, lost or drawn; abandoned
 * matches are not counted). {@code rating} is the Glicko-2 rating in the player's most played mode (1500 before
 * any game); {@code ratings} lists every mode, most played first.
 */
public record PlayerStats(UUID playerId, int gamesPlayed, int wins, int losses, int draws, double rating, int level,
                          List<ModeRating> ratings) {

    public static final double INITIAL_RATING = 1500.0;

    /** XP per result: a win is worth most, but playing at all is worth something. */
    public static final int XP_WIN = 50;
    public static final int XP_DRAW = 25;
    public static final int XP_LOSS = 10;

    /** One mode's rating as shown. */
    public record ModeRating(String mode, double rating, double deviation, double volatility, int games) {
        static ModeRating of(RatingStore.ModeRating r) {
            return new ModeRating(r.mode(), r.rating().rating(), r.rating().deviation(), r.rating().volatility(),
                    r.games());
        }
    }

    /** Level grows with the square root of experience: 100 xp for level 2, 400 for 3, 900 for 4, ... */
    public static int levelFor(long xp) {
        return 1 + (int) Math.floor(Math.sqrt(Math.max(0, xp) / 100.0));
    }

    /** Stats as stored: counts, experience and every mode's rating (most played first). */
    public static PlayerStats of(UUID playerId, int gamesPlayed, int wins, int losses, int draws, long xp,
                                 List<RatingStore.ModeRating> modes) {
        return new PlayerStats(playerId, gamesPlayed, wins, losses, draws, INITIAL_RATING, levelFor(xp), List.of())
                .withRatings(modes);
    }

    PlayerStats withRatings(List<RatingStore.ModeRating> modes) {
        List<ModeRating> shown = modes.stream().map(ModeRating::of).toList();
        double main = shown.isEmpty() ? INITIAL_RATING : shown.getFirst().rating();
        return new PlayerStats(playerId, gamesPlayed, wins, losses, draws, main, level, shown);
    }
}
