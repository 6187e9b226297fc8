package dev.arena.tournament.bracket;

import java.util.Objects;

/**
 * The format family and its options. Every pairing of a bracket is a best-of-{@code bestOf} series;
 * drawn games are allowed only in round robin and Swiss.
 */
public sealed interface Format {

    int bestOf();

    SeriesRules seriesRules();

    /** Knock-out; the two losing semi-finalists meet for third place when {@code thirdPlaceMatch}. */
    record SingleElimination(int bestOf, boolean thirdPlaceMatch) implements Format {
        public SingleElimination {
            SeriesRules.requireValidBestOf(bestOf);
        }

        @Override
        public SeriesRules seriesRules() {
            return new SeriesRules(bestOf, false);
        }
    }

    /** Winners and losers brackets, grand final with a bracket reset. */
    record DoubleElimination(int bestOf) implements Format {
        public DoubleElimination {
            SeriesRules.requireValidBestOf(bestOf);
        }

        @Override
        public SeriesRules seriesRules() {
            return new SeriesRules(bestOf, false);
        }
    }

    /** Everyone meets everyone once (circle method). */
    record RoundRobin(int bestOf, Points points) implements Format {
        public RoundRobin {
            SeriesRules.requireValidBestOf(bestOf);
            Objects.requireNonNull(points, "points");
        }

        @Override
        public SeriesRules seriesRules() {
            return new SeriesRules(bestOf, true);
        }
    }

    /** A fixed number of rounds, each paired from the standings after the previous one. */
    record Swiss(int rounds, int bestOf, Points points) implements Format {
        public Swiss {
            SeriesRules.requireValidBestOf(bestOf);
            Objects.requireNonNull(points, "points");
            if (rounds < 1) {
                throw new IllegalArgumentException("Swiss needs at least one round, got " + rounds);
            }
        }

        @Override
        public SeriesRules seriesRules() {
            return new SeriesRules(bestOf, true);
        }
    }
}
