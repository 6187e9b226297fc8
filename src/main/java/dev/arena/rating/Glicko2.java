package dev.arena.rating;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Glicko-2 rating system, following Mark Glickman, "Example of the Glicko-2 system" (steps 1 to 8).
 *
 * <p>Pure and thread-safe: no state besides the immutable configuration. A <em>rating period</em> is whatever the
 * caller decides (one match, one day...); every game of a period is rated against the opponents' ratings as they
 * were at the start of that period.
 */
public final class Glicko2 {

    /** Converts between the public scale and the Glicko-2 scale (173.7178 = 400 / ln 10). */
    private static final double SCALE = 173.7178;
    private static final double BASE_RATING = 1500;

    /**
     * Guard for the volatility iteration. The Illinois method converges in a handful of steps for any sane
     * input; this only stops a tolerance below double precision from spinning for ever.
     */
    private static final int MAX_VOLATILITY_ITERATIONS = 1_000;

    private final Glicko2Config config;

    public Glicko2(Glicko2Config config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public Glicko2() {
        this(Glicko2Config.DEFAULTS);
    }

    public Glicko2Config config() {
        return config;
    }

    /** The rating of a player who has never played. */
    public Rating newPlayer() {
        return config.initial();
    }

    /**
     * The player's rating after one rating period. With no games this is {@link #idle(Rating)}.
     *
     * @param games every game the player played in the period, against opponents' start-of-period ratings
     */
    public Rating update(Rating player, List<Encounter> games) {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(games, "games");
        if (games.isEmpty()) {
            return idle(player);
        }

        // Step 2: to the Glicko-2 scale.
        double mu = toMu(player.rating());
        double phi = toPhi(player.deviation());
        double sigma = player.volatility();

        // Steps 3 and 4: estimated variance v and the sum that gives the improvement delta.
        double inverseV = 0;
        double scoreSurprise = 0; // sum of g(phi_j) * (s_j - E)
        for (Encounter game : games) {
            double muJ = toMu(game.opponent().rating());
            double g = g(toPhi(game.opponent().deviation()));
            double expected = expectedScore(mu, muJ, g);
            inverseV += g * g * expected * (1 - expected);
            scoreSurprise += g * (game.score() - expected);
        }
        if (inverseV == 0) {
            // Only opponents so far apart (tens of thousands of points) that every result was certain in double
            // precision: the games carry no information, and v would be infinite.
            return idle(player);
        }
        double v = 1 / inverseV;
        double delta = v * scoreSurprise;

        // Step 5: new volatility.
        double newSigma = newVolatility(phi, sigma, v, delta);

        // Step 6: the deviation grows by the new volatility before this period's games shrink it again.
        double phiStar = grow(phi, newSigma);

        // Step 7: new deviation and rating.
        double newPhi = 1 / Math.sqrt(1 / (phiStar * phiStar) + 1 / v);
        double newMu = mu + newPhi * newPhi * scoreSurprise;

        // Step 8: back to the public scale.
        return new Rating(fromMu(newMu), fromPhi(newPhi), newSigma);
    }

    /**
     * A rating period without games: only the deviation grows, by the volatility (paper, end of step 6),
     * capped at {@link Glicko2Config#maxDeviation()}. Rating and volatility are unchanged.
     */
    public Rating idle(Rating player) {
        Objects.requireNonNull(player, "player");
        double grown = grow(toPhi(player.deviation()), player.volatility());
        return new Rating(player.rating(), fromPhi(grown), player.volatility());
    }

    /**
     * Pre-period deviation phi* = sqrt(phi^2 + sigma^2), capped at the configured maximum. The cap only limits
     * growth: a deviation already above it (e.g. imported from elsewhere) is kept, never shrunk by inactivity.
     */
    private double grow(double phi, double sigma) {
        double grown = Math.sqrt(phi * phi + sigma * sigma);
        return Math.max(phi, Math.min(grown, toPhi(config.maxDeviation())));
    }

    /**
     * New ratings after one multi-player match (free-for-all, battle royale...), given the final standings.
     *
     * <p>The match is decomposed into pairwise results: each player beat everyone placed below them, lost to
     * everyone placed above, and drew with everyone sharing their place. All those N-1 games form one rating
     * period for that player, rated against the others' pre-match ratings (see {@link #pairwiseGames}).
     * A two-player match is therefore exactly an ordinary game. Cost is O(N^2).
     *
     * <p>Consequence to keep in mind: a match of N players moves a rating as much as N-1 separate games would,
     * so large lobbies converge fast; that is the usual reading of a ranking (it <em>is</em> N-1 comparisons).
     *
     * @return the new rating of every player, in the order of {@code standings}
     * @throws IllegalArgumentException with fewer than two players or a player listed twice
     */
    public <K> Map<K, Rating> rateMatch(List<Placement<K>> standings) {
        Map<K, List<Encounter>> games = pairwiseGames(standings);
        Map<K, Rating> result = new LinkedHashMap<>();
        for (Placement<K> p : standings) {
            result.put(p.player(), update(p.rating(), games.get(p.player())));
        }
        return result;
    }

    /**
     * The pairwise games {@link #rateMatch} rates, for callers who accumulate several matches into one longer
     * rating period (then call {@link #update} once per player with all games of the period).
     *
     * @return for every player, in the order of {@code standings}, one game against each other player
     */
    public static <K> Map<K, List<Encounter>> pairwiseGames(List<Placement<K>> standings) {
        Objects.requireNonNull(standings, "standings");
        if (standings.size() < 2) {
            throw new IllegalArgumentException("a match needs at least two players, got " + standings.size());
        }
        Set<K> seen = new HashSet<>();
        for (Placement<K> p : standings) {
            Objects.requireNonNull(p, "placement");
            if (!seen.add(p.player())) {
                throw new IllegalArgumentException("player listed twice: " + p.player());
            }
        }
        Map<K, List<Encounter>> games = new LinkedHashMap<>();
        for (Placement<K> me : standings) {
            List<Encounter> mine = new ArrayList<>(standings.size() - 1);
            for (Placement<K> other : standings) {
                if (other != me) {
                    mine.add(new Encounter(other.rating(), pairwiseScore(me.place(), other.place())));
                }
            }
            games.put(me.player(), List.copyOf(mine));
        }
        return games;
    }

    private static double pairwiseScore(int myPlace, int otherPlace) {
        if (myPlace < otherPlace) {
            return Encounter.WIN;
        }
        return myPlace == otherPlace ? Encounter.DRAW : Encounter.LOSS;
    }

    /**
     * Step 5: solve f(x) = 0 for x = ln(sigma'^2) with the Illinois variant of regula falsi, as in the paper.
     */
    private double newVolatility(double phi, double sigma, double v, double delta) {
        double tau = config.tau();
        double a = Math.log(sigma * sigma);
        double phi2 = phi * phi;
        double delta2 = delta * delta;
        VolatilityFunction f = x -> {
            double ex = Math.exp(x);
            double denominator = phi2 + v + ex;
            return ex * (delta2 - phi2 - v - ex) / (2 * denominator * denominator) - (x - a) / (tau * tau);
        };

        double bigA = a;
        double bigB;
        if (delta2 > phi2 + v) {
            bigB = Math.log(delta2 - phi2 - v);
        } else {
            int k = 1;
            while (f.at(a - k * tau) < 0) {
                k++;
            }
            bigB = a - k * tau;
        }
        double fA = f.at(bigA);
        double fB = f.at(bigB);
        for (int i = 0; i < MAX_VOLATILITY_ITERATIONS && Math.abs(bigB - bigA) > config.epsilon(); i++) {
            double bigC = bigA + (bigA - bigB) * fA / (fB - fA);
            double fC = f.at(bigC);
            // "<= 0" rather than "< 0": when f(C) is exactly 0 the bracket must still close, or A and B never move.
            if (fC * fB <= 0) {
                bigA = bigB;
                fA = fB;
            } else {
                fA = fA / 2;
            }
            bigB = bigC;
            fB = fC;
        }
        return Math.exp(bigA / 2);
    }

    @FunctionalInterface
    private interface VolatilityFunction {
        double at(double x);
    }

    private static double g(double phi) {
        return 1 / Math.sqrt(1 + 3 * phi * phi / (Math.PI * Math.PI));
    }

    private static double expectedScore(double mu, double muJ, double gJ) {
        return 1 / (1 + Math.exp(-gJ * (mu - muJ)));
    }

    private static double toMu(double rating) {
        return (rating - BASE_RATING) / SCALE;
    }

    private static double fromMu(double mu) {
        return mu * SCALE + BASE_RATING;
    }

    private static double toPhi(double deviation) {
        return deviation / SCALE;
    }

    private static double fromPhi(double phi) {
        return phi * SCALE;
    }
}
