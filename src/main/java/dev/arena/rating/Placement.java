package dev.arena.rating;

import java.util.Objects;

/**
 * One player's result in a multi-player match, for {@link Glicko2#rateMatch}.
 *
 * @param player any identifier (e.g. a player UUID); must be unique within the match
 * @param rating the player's rating before the match
 * @param place  1 for the winner, larger is worse; tied players share a place (1, 1, 3 or 1, 1, 2 both work:
 *               only the order of places matters, not the gaps)
 */
public record Placement<K>(K player, Rating rating, int place) {

    public Placement {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(rating, "rating");
        if (place < 1) {
            throw new IllegalArgumentException("place must be at least 1, was " + place);
        }
    }
}
