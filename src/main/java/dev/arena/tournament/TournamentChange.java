package dev.arena.tournament;

import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchRegistry;
import dev.arena.tournament.bracket.Bracket;
import dev.arena.tournament.bracket.BracketSnapshot;
import dev.arena.tournament.bracket.Brackets;
import dev.arena.tournament.bracket.Format;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.PairingState;
import dev.arena.tournament.bracket.Round;
import dev.arena.tournament.bracket.Seed;
import dev.arena.tournament.bracket.Standing;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One change of one tournament, inside its transaction (the tournament row is locked): what the change reads,
 * the live updates it will publish, the games it creates (stopped again if the transaction fails) and the games
 * it ends (stopped once it commits). Not thread-safe: one change runs one step after another.
 */
final class TournamentChange {
    private final TournamentStore.Tx tx;
    private final TournamentChanges service;
    final Instant now;
    Tournament tournament;
    private final long startVersion;
    private final TournamentStatus startStatus;
    /** Null until read; null after it too while the tournament has not started. */
    private Bracket bracket;
    private boolean bracketRead;
    private final List<Map<String, Object>> updates = new ArrayList<>();
    private final List<Notification> notifications = new ArrayList<>();
    final List<MatchId> created = new ArrayList<>();
    final List<MatchId> toStop = new ArrayList<>();

    record Notification(UUID player, Map<String, Object> body) {}

    TournamentChange(TournamentStore.Tx tx, TournamentChanges service, Tournament locked, Instant now) {
        this.tx = tx;
        this.service = service;
        this.tournament = locked;
        this.startVersion = locked.version();
        this.startStatus = locked.status();
        this.now = now;
    }

    TournamentStore.Tx tx() {
        return tx;
    }

    UUID id() {
        return tournament.id();
    }

    /** The bracket as of the locked version: from this node's cache when it is that version, else restored. */
    Future<Bracket> bracket() {
        if (bracketRead) {
            return Future.succeededFuture(bracket);
        }
        Bracket cached = service.cached(tournament.id(), tournament.version());
        if (cached != null) {
            bracketRead = true;
            bracket = cached;
            return Future.succeededFuture(bracket);
        }
        return tx.seeds(id()).compose(seeds -> tx.pairings(id()).map(pairings -> {
            bracketRead = true;
            bracket = seeds.isEmpty() ? null : restore(tournament, seeds, pairings);
            return bracket;
        }));
    }

    static Bracket restore(Tournament t, List<Seed> seeds, List<Pairing> pairings) {
        Format format = t.format().bracketFormat(t.bestOf(), t.rounds(), t.thirdPlaceMatch(), seeds.size());
        return Brackets.restore(new BracketSnapshot(format, seeds, pairings));
    }

    /** The bracket this change leaves behind (for the cache), when it was read or written. */
    Bracket bracketAfter() {
        return bracketRead ? bracket : null;
    }

    boolean bracketKnown() {
        return bracketRead;
    }

    // ---- updates ------------------------------------------------------------------------------------------

    /** Queues a live update; its version is given when the change is written. */
    Map<String, Object> update(String type) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("type", "tournament." + type);
        u.put("tournament_id", id());
        u.put("version", 0L);
        updates.add(u);
        return u;
    }

    void status(TournamentStatus next, String reason) {
        tournament = tournament.withStatus(next, now);
        Map<String, Object> u = update("status");
        u.put("status", next);
        if (reason != null) {
            u.put("reason", reason);
        }
    }

    void notifyPlayer(UUID player, Map<String, Object> body) {
        notifications.add(new Notification(player, body));
    }

    /** Gives every queued update its version and writes the tournament row; nothing to write when nothing happened. */
    Future<Void> write() {
        long v = startVersion;
        for (Map<String, Object> u : updates) {
            u.put("version", ++v);
        }
        if (updates.isEmpty() && tournament.status() == startStatus) {
            return Future.succeededFuture();
        }
        tournament = tournament.withVersion(v);
        return tx.update(tournament);
    }

    List<String> encodedUpdates() {
        return updates.stream().map(Json::encodeToString).toList();
    }

    List<Notification> notifications() {
        return notifications;
    }

    // ---- the bracket moves ----------------------------------------------------------------------------------

    /**
     * Stores {@code after} (only the pairings that changed), logs {@code transitions}, publishes what changed,
     * ends the games of pairings that are no longer playable and creates games for those that became playable.
     *
     * @param reset pairings that lost their result (a correction): their counted games stop counting
     */
    Future<Void> commit(Bracket after, List<TournamentStore.Transition> transitions, Collection<PairingId> reset) {
        Bracket before = bracket;
        Map<PairingId, Pairing> old = new HashMap<>();
        if (before != null) {
            before.pairings().forEach(p -> old.put(p.id(), p));
        }
        List<TournamentStore.PairingRow> rows = new ArrayList<>();
        List<Pairing> changed = new ArrayList<>();
        List<Pairing> all = after.pairings();
        Set<PairingId> present = new HashSet<>();
        Map<PairingId, Integer> oldOrd = ordinals(before);
        for (int i = 0; i < all.size(); i++) {
            Pairing p = all.get(i);
            present.add(p.id());
            Pairing was = old.get(p.id());
            if (!p.equals(was)) {
                changed.add(p);
            }
            if (!p.equals(was) || oldOrd.get(p.id()) == null || oldOrd.get(p.id()) != i) {
                rows.add(new TournamentStore.PairingRow(i, p));
            }
        }
        List<PairingId> removed = old.keySet().stream().filter(id -> !present.contains(id)).toList();
        Set<PairingId> playableBefore = playable(before);
        Set<PairingId> playableAfter = playable(after);
        // pairings whose games may have to end or start: those that changed, were reset, or changed playability
        Set<PairingId> touched = new LinkedHashSet<>();
        changed.forEach(p -> touched.add(p.id()));
        touched.addAll(reset);
        touched.addAll(removed);
        playableAfter.stream().filter(id -> !playableBefore.contains(id)).forEach(touched::add);
        playableBefore.stream().filter(id -> !playableAfter.contains(id)).forEach(touched::add);

        if (!changed.isEmpty()) {
            Map<String, Object> u = update("bracket_changed");
            u.put("pairings", changed.stream().map(p -> TournamentViews.pairing(p, List.of())).toList());
        }
        for (Round r : advancedRounds(before, after)) {
            Map<String, Object> u = update("round_advanced");
            u.put("round", r.number());
            u.put("bracket", TournamentViews.side(r));
        }
        bracket = after;
        bracketRead = true;
        // issued together: the transaction's connection pipelines them, in this order, in one round trip
        Future<Void> saved = tx.savePairings(id(), rows, removed);
        Future<Void> logged = tx.addTransitions(id(), transitions);
        Future<List<MatchId>> stopped = reset.isEmpty() ? Future.succeededFuture(List.of())
                : tx.resetMatches(id(), reset, now);
        Future<List<TournamentMatch>> matches = touched.isEmpty() ? Future.succeededFuture(List.of())
                : tx.gamesOf(id(), touched);
        Future<Void> f = Future.all(saved, logged, stopped, matches).compose(v -> {
            toStop.addAll(stopped.result());
            return schedule(after, touched, playableAfter, matches.result());
        });
        if (after.isComplete() && tournament.status() == TournamentStatus.RUNNING) {
            f = f.compose(v -> finish(after));
        }
        return f;
    }

    private static Map<PairingId, Integer> ordinals(Bracket b) {
        Map<PairingId, Integer> out = new HashMap<>();
        if (b != null) {
            List<Pairing> ps = b.pairings();
            for (int i = 0; i < ps.size(); i++) {
                out.put(ps.get(i).id(), i);
            }
        }
        return out;
    }

    /** Ends the open games of touched pairings that are not playable any more; starts games for playable ones. */
    private Future<Void> schedule(Bracket after, Set<PairingId> touched, Set<PairingId> playable,
                                  List<TournamentMatch> matches) {
        Map<PairingId, List<TournamentMatch>> byPairing = matches.stream()
                .collect(Collectors.groupingBy(TournamentMatch::pairingId));
        List<Future<?>> work = new ArrayList<>();
        List<TournamentMatch> toCreate = new ArrayList<>();
        for (PairingId id : touched) {
            List<TournamentMatch> gs = byPairing.getOrDefault(id, List.of());
            boolean open = false;
            for (TournamentMatch g : gs) {
                if (g.open()) {
                    if (playable.contains(id)) {
                        open = true;
                    } else {
                        work.add(tx.settle(g.gameId(), TournamentMatch.Outcome.RESET, now));
                        toStop.add(g.gameId());
                    }
                }
            }
            if (playable.contains(id) && !open) {
                int next = gs.stream().mapToInt(TournamentMatch::number).max().orElse(0) + 1;
                toCreate.add(newMatch(after.pairing(id), next, now.plusSeconds(60L * tournament.noShowMinutes())));
            }
        }
        work.add(tx.addMatches(toCreate));
        return Future.all(work).mapEmpty();
    }

    /**
     * Creates the game of a pairing (seats reserved for its two players), queues its update and both players'
     * notifications. The row is written by the caller in this transaction; a failed transaction stops the game.
     */
    TournamentMatch newMatch(Pairing p, int number, Instant deadline) {
        List<PlayerId> players = p.players();
        HostedMatches.HostedMatch game = service.matches().createFor(
                new MatchRegistry.Create(tournament.mode(), 2, Map.of()), players);
        created.add(game.id());
        TournamentMatch row = new TournamentMatch(game.id(), id(), p.id(), number, service.node(), now, deadline, null);
        Map<String, Object> u = update("match_started");
        u.put("pairing_id", p.id().value());
        u.put("game_id", game.id());
        u.put("game_number", number);
        u.put("players", TournamentViews.players(p));
        u.put("deadline", deadline);
        List<UUID> ids = TournamentViews.players(p);
        for (int i = 0; i < 2; i++) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("type", "tournament.match_ready");
            n.put("tournament_id", id());
            n.put("tournament_name", tournament.name());
            n.put("pairing_id", p.id().value());
            n.put("game_id", game.id());
            n.put("game_number", number);
            n.put("mode", tournament.mode());
            n.put("opponent", ids.get(1 - i));
            n.put("deadline", deadline);
            notifyPlayer(ids.get(i), n);
        }
        return row;
    }

    private Future<Void> finish(Bracket after) {
        status(TournamentStatus.COMPLETED, null);
        Map<String, Object> u = update("finished");
        List<Map<String, Object>> podium = new ArrayList<>();
        for (Standing s : after.standings()) {
            if (s.place() > 3) {
                break;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("place", s.place());
            row.put("player_id", s.player().value());
            row.put("points", s.points());
            podium.add(row);
        }
        u.put("podium", podium);
        return Future.succeededFuture();
    }

    /**
     * Pairings whose games may be played now. Round robin pairs everyone from the start, so its rounds are held
     * back: only the earliest round with a pairing still to play is playable (nobody plays two games at once).
     */
    static Set<PairingId> playable(Bracket b) {
        Set<PairingId> out = new LinkedHashSet<>();
        if (b == null) {
            return out;
        }
        List<Pairing> ready = b.readyPairings();
        if (b.format() instanceof Format.RoundRobin) {
            int first = ready.stream().mapToInt(p -> p.round().number()).min().orElse(0);
            ready.stream().filter(p -> p.round().number() == first).forEach(p -> out.add(p.id()));
        } else {
            ready.forEach(p -> out.add(p.id()));
        }
        return out;
    }

    /** Rounds that had nothing to play or played before and have a playable pairing now. */
    private static List<Round> advancedRounds(Bracket before, Bracket after) {
        Set<Round> active = new HashSet<>();
        if (before != null) {
            Set<PairingId> playable = playable(before);
            for (Pairing p : before.pairings()) {
                if (playable.contains(p.id()) || p.state() instanceof PairingState.Decided) {
                    active.add(p.round());
                }
            }
        }
        Set<Round> out = new LinkedHashSet<>();
        Set<PairingId> playable = playable(after);
        for (Pairing p : after.pairings()) {
            if (playable.contains(p.id()) && !active.contains(p.round())) {
                out.add(p.round());
            }
        }
        return List.copyOf(out);
    }

    /** Seeds as the bracket wants them: player ids in rank order. */
    static List<Seed> seeds(List<UUID> ordered) {
        List<Seed> out = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            out.add(new Seed(new PlayerId(ordered.get(i)), i + 1));
        }
        return out;
    }

    /** A new game's no-show deadline: the tournament's no-show minutes from now. */
    Instant noShowDeadline() {
        return now.plusSeconds(60L * tournament.noShowMinutes());
    }
}
