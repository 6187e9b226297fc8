package dev.arena.tournament;

import dev.arena.common.ArenaException;
import dev.arena.results.FinishedMatch;
import dev.arena.results.ResultStep;
import io.vertx.core.Future;

/**
 * The results pipeline's tournament step: every stored match result goes through it; results of tournament games
 * count in their pairing's series and advance the bracket. Idempotent through the game's row in PostgreSQL (settled
 * at most once, under the tournament's row lock), so a redelivered result advances nothing.
 */
public final class TournamentResults implements ResultStep {
    /** Null until the node has built the service (which needs the matches, built after the result jobs). */
    private volatile TournamentService tournaments;

    public TournamentResults() {
    }

    public TournamentResults(TournamentService tournaments) {
        this.tournaments = tournaments;
    }

    /** From now on results are applied; before, jobs fail and are retried with their backoff. */
    public void serve(TournamentService service) {
        this.tournaments = service;
    }

    @Override
    public String name() {
        return "tournament_advance";
    }

    @Override
    public Future<Void> apply(FinishedMatch match) {
        TournamentService service = tournaments;
        return service == null
                ? Future.failedFuture(new ArenaException.Unavailable("tournaments are not started yet"))
                : service.applyResult(match);
    }
}
