package dev.arena.tournament;

import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.tournament.bracket.Bracket;
import dev.arena.tournament.bracket.Correction;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.Seed;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The read models: a tournament with its registrations, its bracket (from this node's cache when current), the
 * leaderboard, the games and the corrections.
 */
final class TournamentReads {
    private final TournamentChanges changes;
    private final TournamentStore store;

    TournamentReads(TournamentChanges changes, TournamentStore store) {
        this.changes = changes;
        this.store = store;
    }

    public Future<TournamentService.Details> details(UUID id) {
        return Future.all(require(id), store.registrations(id))
                .map(all -> new TournamentService.Details(all.resultAt(0), all.resultAt(1)));
    }

    Future<List<Tournament>> list(TournamentStatus status) {
        return store.list(status, TournamentService.LIST_LIMIT);
    }



    /** Reads the tournament, its registrations and its pairings concurrently, then the bracket from them. */
    Future<TournamentService.Loaded> load(UUID id) {
        Future<Tournament> t = require(id);
        Future<List<Registration>> regs = store.registrations(id);
        Future<List<Pairing>> pairings = store.inTransaction(tx -> tx.pairings(id));
        return Future.all(t, regs, pairings).map(all -> {
            Tournament tour = t.result();
            List<Seed> seeds = new ArrayList<>();
            for (Registration r : regs.result()) {
                if (r.seed() != null) {
                    seeds.add(new Seed(new PlayerId(r.playerId()), r.seed()));
                }
            }
            seeds.sort(Comparator.comparingInt(Seed::rank));
            Bracket b = changes.cached(id, tour.version());
            if (b == null && !seeds.isEmpty()) {
                b = TournamentChange.restore(tour, seeds, pairings.result());
                if (!tour.status().ended()) { // only brackets still changing are kept
                    changes.keep(id, tour.version(), b);
                }
            }
            return new TournamentService.Loaded(tour, b, regs.result());
        });
    }

    Future<TournamentViews.BracketView> bracket(UUID id) {
        return Future.all(load(id), store.games(id, null)).map(all -> {
            TournamentService.Loaded l = all.resultAt(0);
            return TournamentViews.bracket(l.tournament(), l.bracket(), all.resultAt(1));
        });
    }

    Future<TournamentViews.LeaderboardView> leaderboard(UUID id) {
        return load(id).map(l -> {
            Map<UUID, String> names = new HashMap<>();
            l.players().forEach(r -> names.put(r.playerId(), r.displayName()));
            return TournamentViews.leaderboard(l.tournament(), l.bracket(), names);
        });
    }

    Future<List<TournamentViews.GameView>> matches(UUID id, Integer round) {
        return Future.all(load(id), store.games(id, round)).map(all -> {
            TournamentService.Loaded l = all.resultAt(0);
            List<TournamentMatch> gs = all.resultAt(1);
            List<TournamentViews.GameView> out = new ArrayList<>(gs.size());
            for (TournamentMatch g : gs) {
                out.add(TournamentViews.game(g, l.bracket().pairing(g.pairingId())));
            }
            return out;
        });
    }

    Future<List<TournamentStore.Correction>> corrections(UUID id) {
        return require(id).compose(t -> store.corrections(id));
    }

    Future<Tournament> require(UUID id) {
        return store.find(id).map(t -> t.orElseThrow(() -> new ArenaException.NotFound("no tournament " + id)));
    }
}
