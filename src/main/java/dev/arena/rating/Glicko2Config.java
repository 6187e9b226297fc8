package dev.arena.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the Glicko-2 calculator; immutable and validated once, every problem reported together.
 *
 * @param tau           the system constant constraining volatility changes; Glickman suggests 0.3 to 1.2,
 *                      smaller values for games where upsets are rare
 * @param epsilon       convergence tolerance of the volatility iteration (paper: 0.000001)
 * @param initial       the rating given to a new player
 * @param maxDeviation  the ceiling for a deviation grown by inactivity. Not in the paper: without it a player
 *                      absent long enough would become less known than a newcomer, so their first game back
 *                      would swing the rating more than a newcomer's does. Usually {@code initial.deviation()}.
 */
public record Glicko2Config(double tau, double epsilon, Rating initial, double maxDeviation) {

    public static final Glicko2Config DEFAULTS = new Glicko2Config(0.5, 1e-6, Rating.UNRATED, Rating.UNRATED.deviation());

    public Glicko2Config {
        Objects.requireNonNull(initial, "initial");
        List<String> problems = new ArrayList<>();
        if (!(tau > 0) || !Double.isFinite(tau)) {
            problems.add("tau must be positive and finite, was " + tau);
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            problems.add("epsilon must be positive and finite, was " + epsilon);
        }
        if (!(maxDeviation >= initial.deviation()) || !Double.isFinite(maxDeviation)) {
            problems.add("maxDeviation must be finite and at least the initial deviation "
                    + initial.deviation() + ", was " + maxDeviation);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid Glicko-2 configuration: " + String.join("; ", problems));
        }
    }

    /** The defaults with another tau (the one setting operators are expected to tune per game). */
    public static Glicko2Config withTau(double tau) {
        return new Glicko2Config(tau, DEFAULTS.epsilon, DEFAULTS.initial, DEFAULTS.maxDeviation);
    }
}
