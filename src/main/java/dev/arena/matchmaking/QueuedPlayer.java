package dev.arena.matchmaking;

import java.util.Objects;
import java.util.UUID;

/**
 * One player on a ticket, with the Glicko-2 rating and rating deviation the rating service had for them
 * when they queued (the pool never reads ratings itself, so a match is formed on the numbers the
 * player was shown).
 */
public record QueuedPlayer(UUID playerId, double rating, double deviation) {

    public QueuedPlayer {
        Objects.requireNonNull(playerId, "playerId");
        if (!Double.isFinite(rating)) {
            throw new IllegalArgumentException("rating must be a finite number, was " + rating);
        }
        if (!Double.isFinite(deviation) || deviation <= 0) {
            throw new IllegalArgumentException("deviation must be a finite positive number, was " + deviation);
        }
    }
}
