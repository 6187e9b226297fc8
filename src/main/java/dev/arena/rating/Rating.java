package dev.arena.rating;

/**
 * A player's Glicko-2 rating on the public (Glicko-1 compatible) scale: 1500 is average.
 *
 * <p>Immutable; a rating period produces a new value. The internal Glicko-2 scale (mu, phi) is an
 * implementation detail of {@link Glicko2} and never leaves it.
 *
 * @param rating     the estimate of strength, e.g. 1500
 * @param deviation  the rating deviation (RD), one standard deviation of uncertainty, e.g. 350 for an unknown player
 * @param volatility the expected fluctuation of the player's strength, e.g. 0.06
 */
public record Rating(double rating, double deviation, double volatility) {

    /** The paper's suggested start for an unrated player: 1500 / 350 / 0.06. */
    public static final Rating UNRATED = new Rating(1500, 350, 0.06);

    public Rating {
        if (!Double.isFinite(rating)) {
            throw new IllegalArgumentException("rating must be finite, was " + rating);
        }
        // Zero deviation would mean "known exactly": g(phi) and the update would stop moving the player for ever.
        if (!(deviation > 0) || !Double.isFinite(deviation)) {
            throw new IllegalArgumentException("deviation must be positive and finite, was " + deviation);
        }
        if (!(volatility > 0) || !Double.isFinite(volatility)) {
            throw new IllegalArgumentException("volatility must be positive and finite, was " + volatility);
        }
    }
}
