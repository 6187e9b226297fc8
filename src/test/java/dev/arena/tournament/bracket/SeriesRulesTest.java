package dev.arena.tournament.bracket;

import org.junit.jupiter.api.Test;

import static dev.arena.tournament.bracket.SingleEliminationTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesRulesTest {

    private final SeriesRules bo5 = new SeriesRules(5, false);
    private final SeriesRules bo3Draws = new SeriesRules(3, true);

    @Test
    void aSeriesIsDecidedByTheFirstSideToWinMoreThanHalf() {
        assertThat(bo5.winsNeeded()).isEqualTo(3);
        assertThat(bo5.outcome(Result.series(3, 0))).isEqualTo(Outcome.HOME_WIN);
        assertThat(bo5.outcome(Result.series(2, 3))).isEqualTo(Outcome.AWAY_WIN);
        assertReason(() -> bo5.outcome(Result.series(2, 2)), BracketException.Reason.INVALID_RESULT);
        assertReason(() -> bo5.outcome(Result.series(4, 1)), BracketException.Reason.INVALID_RESULT);
        assertReason(() -> bo5.outcome(Result.series(3, 3)), BracketException.Reason.INVALID_RESULT);
        assertReason(() -> bo5.outcome(Result.series(2, 1, 1)), BracketException.Reason.DRAW_NOT_ALLOWED);
    }

    @Test
    void withDrawsASeriesCanEndAfterAllGamesWithoutAClinch() {
        assertThat(bo3Draws.outcome(Result.series(0, 0, 3))).isEqualTo(Outcome.DRAW);
        assertThat(bo3Draws.outcome(Result.series(1, 1, 1))).isEqualTo(Outcome.DRAW);
        assertThat(bo3Draws.outcome(Result.series(1, 0, 2))).isEqualTo(Outcome.HOME_WIN);
        assertThat(bo3Draws.outcome(Result.series(2, 0, 1))).isEqualTo(Outcome.HOME_WIN);
        assertReason(() -> bo3Draws.outcome(Result.series(1, 0, 1)), BracketException.Reason.INVALID_RESULT);
        assertReason(() -> bo3Draws.outcome(Result.series(2, 1, 1)), BracketException.Reason.INVALID_RESULT);
        assertThat(new SeriesRules(1, true).outcome(Result.series(0, 0, 1))).isEqualTo(Outcome.DRAW);
    }

    @Test
    void aWalkoverLosesForTheNoShowAndCountsAsACleanWin() {
        assertThat(bo5.outcome(Result.walkover(Side.HOME))).isEqualTo(Outcome.AWAY_WIN);
        assertThat(bo5.outcome(Result.walkover(Side.AWAY))).isEqualTo(Outcome.HOME_WIN);
        assertThat(bo5.games(Result.walkover(Side.HOME))).isEqualTo(new GameScore(0, 3));
        assertThat(bo5.games(Result.series(3, 2))).isEqualTo(new GameScore(3, 2));
    }

    @Test
    void evenOrEmptySeriesAreRefused() {
        assertThatThrownBy(() -> new SeriesRules(2, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Format.DoubleElimination(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Result.series(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Points(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
