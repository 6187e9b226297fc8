package dev.arena.player;

import java.util.UUID;

/** Aggregates shown by {@code /players/{id}/stats}. {@code rating} is the Glicko-2 rating (1500 before any game). */
public record PlayerStats(UUID playerId, int gamesPlayed, int wins, int losses, int draws, double rating, int level) {

    public static final double INITIAL_RATING = 1500.0;

    /** Level grows with the square root of experience: 100 xp for level 2, 400 for 3, 900 for 4, ... */
    public static int levelFor(long xp) {
        return 1 + (int) Math.floor(Math.sqrt(Math.max(0, xp) / 100.0));
    }
}
