package dev.arena.tournament;

import dev.arena.results.FinishedMatch;
import dev.arena.results.ResultStep;
import io.vertx.core.Future;

/**
 * The results pipeline's tournament step: every stored match result goes through it; results of tournament games
 * count in their pairing's series and advance the bracket. Idempotent through the game's row in PostgreSQL (settled
 * at most once, under the tournament's row lock), so a redelivered result advances nothing.
 */
public final class TournamentResults implements ResultStep {
    private final TournamentService tournaments;

    public TournamentResults(TournamentService tournaments) {
        this.tournaments = tournaments;
    }

    @Override
    public String name() {
        return "tournament_advance";
    }

    @Override
    public Future<Void> apply(FinishedMatch match) {
        return tournaments.applyResult(match);
    }
}
