package dev.arena.tournament.bracket;

import java.util.Objects;

/**
 * What an organiser or a match reports for one pairing. Whether a result is acceptable (enough games,
 * draws allowed) depends on the format and is checked by {@link SeriesRules}.
 */
public sealed interface Result {

    /** Games won by each side of a best-of-N series, plus drawn games (only where the format allows draws). */
    record Series(int homeWins, int awayWins, int draws) implements Result {
        public Series {
            if (homeWins < 0 || awayWins < 0 || draws < 0) {
                throw new IllegalArgumentException("game counts must be >= 0");
            }
        }
    }

    /** One side did not show up and loses the pairing without games being played. */
    record Walkover(Side noShow) implements Result {
        public Walkover {
            Objects.requireNonNull(noShow, "noShow");
        }
    }

    static Result series(int homeWins, int awayWins) {
        return new Series(homeWins, awayWins, 0);
    }

    static Result series(int homeWins, int awayWins, int draws) {
        return new Series(homeWins, awayWins, draws);
    }

    static Result walkover(Side noShow) {
        return new Walkover(noShow);
    }
}
