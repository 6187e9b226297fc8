package dev.arena.tournament.bracket;

import dev.arena.tournament.bracket.BracketException.Reason;

/**
 * Rules of the series played in every pairing of a bracket.
 *
 * <p>A best-of-N series ({@code N} odd) is decided as soon as one side has won {@code ceil(N/2)} games.
 * Where draws are allowed a series can also end after all N games without either side reaching that
 * number; then the side with more won games takes the pairing, and equal wins make a drawn pairing. N must
 * be odd because an even N makes "first to ceil(N/2)" end a best-of-2 after one game.
 */
public record SeriesRules(int bestOf, boolean drawsAllowed) {

    public SeriesRules {
        requireValidBestOf(bestOf);
    }

    static int requireValidBestOf(int bestOf) {
        if (bestOf < 1 || bestOf % 2 == 0) {
            throw new IllegalArgumentException("bestOf must be odd and >= 1, got " + bestOf);
        }
        return bestOf;
    }

    public int winsNeeded() {
        return bestOf / 2 + 1;
    }

    /** The outcome of an acceptable result; throws {@link BracketException} for any other. */
    public Outcome outcome(Result result) {
        return switch (result) {
            case Result.Walkover w -> Outcome.winBy(w.noShow().other());
            case Result.Series s -> seriesOutcome(s);
        };
    }

    /**
     * Games counted for tiebreaks: the reported games, or {@code ceil(N/2)}–0 for a walkover (the present
     * side is credited with the shortest possible clean win, like a forfeit scored 3–0 in football).
     */
    public GameScore games(Result result) {
        return switch (result) {
            case Result.Walkover w -> w.noShow() == Side.HOME
                    ? new GameScore(0, winsNeeded())
                    : new GameScore(winsNeeded(), 0);
            case Result.Series s -> new GameScore(s.homeWins(), s.awayWins());
        };
    }

    private Outcome seriesOutcome(Result.Series s) {
        if (s.draws() > 0 && !drawsAllowed) {
            throw new BracketException(Reason.DRAW_NOT_ALLOWED, "this format does not allow drawn games");
        }
        int needed = winsNeeded();
        int played = s.homeWins() + s.awayWins() + s.draws();
        if (played > bestOf) {
            throw invalid(s, played + " games reported in a best of " + bestOf);
        }
        if (s.homeWins() > needed || s.awayWins() > needed) {
            throw invalid(s, "a series stops once one side has " + needed + " wins");
        }
        if (s.homeWins() == needed && s.awayWins() == needed) {
            throw invalid(s, "both sides cannot reach " + needed + " wins");
        }
        if (s.homeWins() == needed) {
            return Outcome.HOME_WIN;
        }
        if (s.awayWins() == needed) {
            return Outcome.AWAY_WIN;
        }
        if (played < bestOf) {
            throw invalid(s, "series not finished: nobody has " + needed + " wins after " + played + " games");
        }
        // All N games played, which needs at least one draw: more wins takes it, equal wins is a draw.
        if (s.homeWins() == s.awayWins()) {
            return Outcome.DRAW;
        }
        return s.homeWins() > s.awayWins() ? Outcome.HOME_WIN : Outcome.AWAY_WIN;
    }

    private static BracketException invalid(Result.Series s, String why) {
        return new BracketException(Reason.INVALID_RESULT,
                why + " (" + s.homeWins() + "-" + s.awayWins() + ", " + s.draws() + " drawn)");
    }
}
