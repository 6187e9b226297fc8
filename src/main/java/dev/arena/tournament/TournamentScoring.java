package dev.arena.tournament;

import dev.arena.common.PlayerId;
import dev.arena.match.MatchResult;
import dev.arena.results.FinishedMatch;
import dev.arena.tournament.bracket.Bracket;
import dev.arena.tournament.bracket.BracketException;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.PairingState;
import dev.arena.tournament.bracket.Result;
import dev.arena.tournament.bracket.SeriesRules;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Finished games counted in their pairing's series; a decided series advances the bracket.
 */
final class TournamentScoring {
    private final TournamentChanges changes;
    private final TournamentStore store;

    TournamentScoring(TournamentChanges changes, TournamentStore store) {
        this.changes = changes;
        this.store = store;
    }


    /**
     * A finished game: counts it in its pairing's series, and once the series is decided, advances the bracket.
     * Idempotent: the game's row is settled at most once (a second delivery finds it settled and does nothing).
     */
    Future<Void> applyResult(FinishedMatch m) {
        // the row's tournament and pairing never change, so they are read before taking the lock; whether the game
        // is still open is decided under it (settle), which is what makes a second delivery a no-op
        return store.tournamentMatch(m.id()).compose(row -> row.isEmpty() || !row.get().open()
                ? Future.succeededFuture()
                : changes.change(row.get().tournamentId(), w -> counted(w, row.get(), m.result())));
    }

    private Future<Void> counted(TournamentChange w, TournamentMatch game, MatchResult result) {
        if (w.tournament.status() != TournamentStatus.RUNNING) {
            return w.tx().settle(game.gameId(), TournamentMatch.Outcome.VOID, w.now).mapEmpty();
        }
        return w.bracket().compose(b -> {
            Pairing p = b.pairing(game.pairingId());
            if (!(p.state() instanceof PairingState.Ready)) {
                // decided meanwhile (by the organiser or a no-show): this game no longer counts
                return w.tx().settle(game.gameId(), TournamentMatch.Outcome.VOID, w.now).mapEmpty();
            }
            SeriesRules rules = b.format().seriesRules();
            TournamentMatch.Outcome outcome = outcome(p, result, rules.drawsAllowed());
            return w.tx().settle(game.gameId(), outcome, w.now).compose(first -> {
                if (!first) {
                    return Future.succeededFuture();
                }
                Map<String, Object> u = w.update("match_finished");
                u.put("pairing_id", p.id().value());
                u.put("game_id", game.gameId());
                u.put("game_number", game.number());
                u.put("outcome", outcome);
                u.put("reason", result.reason());
                if (outcome == TournamentMatch.Outcome.VOID) {
                    // replayed: the no-show clock keeps running if nobody had sat down yet
                    Instant deadline = game.deadline() != null ? game.deadline() : w.noShowDeadline();
                    return w.tx().addMatches(List.of(w.newMatch(p, game.number() + 1, deadline)));
                }
                Future<List<TournamentMatch>> played = rules.bestOf() == 1 ? Future.succeededFuture(List.of(
                        new TournamentMatch(game.gameId(), w.id(), p.id(), game.number(), game.node(), game.createdAt(),
                                game.deadline(), outcome)))
                        : w.tx().gamesOf(w.id(), List.of(p.id()));
                return played.compose(gs -> {
                    TournamentMatch.Score score = TournamentMatch.score(gs);
                    int home = score.home();
                    int away = score.away();
                    int draws = score.draws();
                    int last = score.lastNumber();
                    int need = rules.winsNeeded();
                    if (home < need && away < need && home + away + draws < rules.bestOf()) {
                        return w.tx().addMatches(List.of(w.newMatch(p, last + 1, w.noShowDeadline())));
                    }
                    Result series = Result.series(home, away, draws);
                    Bracket after;
                    try {
                        after = b.reportResult(p.id(), series);
                    } catch (BracketException e) {
                        throw new IllegalStateException("series " + series + " of " + p.id() + " refused", e);
                    }
                    return w.commit(after, List.of(new TournamentStore.Transition("result", p.id(),
                            BracketText.result(series), game.gameId(), w.now)), List.of());
                });
            });
        });
    }

    private static TournamentMatch.Outcome outcome(Pairing p, MatchResult result, boolean drawsAllowed) {
        return switch (result.outcome()) {
            case MatchResult.Winner win -> {
                PlayerId winner = win.player();
                if (p.homePlayer().map(winner::equals).orElse(false)) {
                    yield TournamentMatch.Outcome.HOME;
                }
                yield p.awayPlayer().map(winner::equals).orElse(false)
                        ? TournamentMatch.Outcome.AWAY : TournamentMatch.Outcome.VOID;
            }
            // elimination formats replay drawn games
            case MatchResult.Draw d -> drawsAllowed ? TournamentMatch.Outcome.DRAW : TournamentMatch.Outcome.VOID;
            case MatchResult.Abandoned a -> TournamentMatch.Outcome.VOID;
        };
    }
}
