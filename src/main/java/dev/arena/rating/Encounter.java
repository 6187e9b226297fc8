package dev.arena.rating;

import java.util.Objects;

/**
 * One game of a rating period, seen from the player being rated.
 *
 * @param opponent the opponent's rating at the start of the rating period (not after it)
 * @param score    1 for a win, 0.5 for a draw, 0 for a loss; any value in between is accepted because
 *                 the Glicko-2 formulas are defined for it (e.g. a partial score in a points-based game)
 */
public record Encounter(Rating opponent, double score) {

    public static final double WIN = 1.0;
    public static final double DRAW = 0.5;
    public static final double LOSS = 0.0;

    public Encounter {
        Objects.requireNonNull(opponent, "opponent");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be within [0, 1], was " + score);
        }
    }

    public static Encounter win(Rating opponent) {
        return new Encounter(opponent, WIN);
    }

    public static Encounter draw(Rating opponent) {
        return new Encounter(opponent, DRAW);
    }

    public static Encounter loss(Rating opponent) {
        return new Encounter(opponent, LOSS);
    }
}
