package dev.arena.tournament;

import dev.arena.cluster.NodeBus;
import dev.arena.cluster.NodeMessage;
import dev.arena.common.ArenaException;
import dev.arena.common.PlayerId;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.tournament.bracket.Bracket;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.PairingState;
import dev.arena.tournament.bracket.Result;
import dev.arena.tournament.bracket.Side;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time-driven work and the recovery of lost games: check-ins that open, tournaments that are due, no-show
 * deadlines that passed (judged by the seats the game's node reports) and games lost with their node.
 */
final class TournamentSweep {
    private static final Logger log = LoggerFactory.getLogger(TournamentSweep.class);
    private final TournamentChanges changes;
    private final TournamentStore store;
    private final TournamentLifecycle lifecycle;
    private final Clock clock;
    /** The other nodes (their games, who is alive); none on a single node. */
    private final NodeBus cluster;

    TournamentSweep(TournamentChanges changes, TournamentStore store, TournamentLifecycle lifecycle, Clock clock,
                    NodeBus cluster) {
        this.changes = changes;
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.cluster = cluster;
    }


    /**
     * One pass of the periodic work, by the injected clock: opens check-ins, starts tournaments that are due (or
     * cancels them with fewer than 2 players), settles games whose no-show deadline passed — of every node: on a
     * cluster the seats of another node's game are asked of it — and, on a cluster, replaces the open games of
     * nodes that are no longer alive. Each item is its own change (two nodes sweeping the same item apply it once:
     * the change re-reads the game's row under the tournament's lock); one failing is logged and retried at the
     * next pass.
     */
    Future<Void> sweep() {
        Instant now = clock.instant();
        Future<Void> due = store.due(now).compose(ids -> each(ids, id -> changes.change(id, w -> timed(w))));
        return due.compose(v -> liveNodes()).compose(live -> store.expired(now, null)
                .compose(expired -> each(expired, g -> seats(g, live)
                        .compose(seats -> changes.change(g.tournamentId(), w -> noShow(w, g.gameId(), seats)))))
                .compose(v -> replaceOrphans(live)));
    }

    /** Replaces the open games of nodes that are not alive (their matches died with them). */
    private Future<Void> replaceOrphans(List<String> live) {
        return store.openMatchesOutside(live).compose(lost -> each(lost,
                g -> changes.change(g.tournamentId(), w -> replaceIfOpen(w, g.gameId()))));
    }

    /** This node and the other live ones. */
    private Future<List<String>> liveNodes() {
        return cluster.peers().map(peers -> {
            List<String> live = new ArrayList<>(peers);
            live.add(changes.node());
            return live;
        });
    }

    /**
     * Who sat down in a game, from the node that runs it; empty when the game is lost (its node does not know
     * it, or is dead). A live node that does not answer fails the item: it is judged at the next sweep, never
     * guessed. Asked before the tournament's lock is taken, so no lock waits on the bus; the seats are those of a
     * moment after the deadline, which is what the deadline means.
     */
    private Future<Optional<MatchSeats>> seats(TournamentMatch g, List<String> live) {
        if (g.node().equals(changes.node())) {
            return Future.succeededFuture(known(g.gameId()).map(MatchSeats::of));
        }
        if (!live.contains(g.node())) {
            return Future.succeededFuture(Optional.empty());
        }
        return cluster.ask(g.node(), new NodeMessage.Seats(g.gameId()))
                .map(answer -> Optional.of(MatchSeats.decode(answer)))
                .recover(e -> e instanceof ArenaException.NotFound
                        ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
    }

    private Future<Void> timed(TournamentChange w) {
        Tournament t = w.tournament;
        if (!t.status().open()) {
            return Future.succeededFuture();
        }
        if (!w.now.isBefore(t.startsAt())) {
            return lifecycle.begin(w, null, true);
        }
        if (t.status() == TournamentStatus.REGISTERING && t.checkInMinutes() > 0
                && !w.now.isBefore(t.checkInOpensAt())) {
            w.status(TournamentStatus.CHECKING_IN, null);
        }
        return Future.succeededFuture();
    }

    /**
     * A game past its deadline: when both players sat down the deadline is dropped; otherwise whoever did not
     * lost the pairing by walkover (both absent: the away side, the lower seed, as the bracket has no double
     * no-show yet). A lost game (no seats: its node restarted, died, or does not know it) is replaced.
     */
    private Future<Void> noShow(TournamentChange w, MatchId id, Optional<MatchSeats> seats) {
        return w.tx().match(id).compose(row -> {
            if (row.isEmpty() || !row.get().open() || row.get().deadline() == null
                    || row.get().deadline().isAfter(w.now) || w.tournament.status() != TournamentStatus.RUNNING) {
                return Future.succeededFuture();
            }
            TournamentMatch game = row.get();
            if (seats.isEmpty()) {
                return replaceLost(w, game);
            }
            Set<PlayerId> seated = seats.get().seated();
            if (seats.get().bothPlaying()) {
                return w.tx().clearDeadline(id); // both came; the result will follow
            }
            return w.bracket().compose(b -> {
                Pairing p = b.pairing(game.pairingId());
                if (!(p.state() instanceof PairingState.Ready)) {
                    return w.tx().settle(id, TournamentMatch.Outcome.VOID, w.now).mapEmpty();
                }
                boolean homeHere = seated.contains(p.homePlayer().orElseThrow());
                Side noShow = homeHere ? Side.AWAY : (seated.contains(p.awayPlayer().orElseThrow())
                        ? Side.HOME : Side.AWAY);
                Result result = Result.walkover(noShow);
                Bracket after = b.reportResult(p.id(), result);
                w.toStop.add(id);
                Map<String, Object> u = w.update("walkover");
                u.put("pairing_id", p.id().value());
                u.put("game_id", id);
                u.put("no_show", noShow.name().toLowerCase(java.util.Locale.ROOT));
                u.put("both_absent", !homeHere && !seated.contains(p.awayPlayer().orElseThrow()));
                return w.tx().settle(id, TournamentMatch.Outcome.WALKOVER, w.now)
                        .compose(v -> w.commit(after, List.of(new TournamentStore.Transition("walkover", p.id(),
                                BracketText.result(result), null, w.now)), List.of()));
            });
        });
    }

    /** The game as this node knows it (running, or finished recently), when this node is the one that runs it. */
    private Optional<HostedMatches.HostedMatch> known(MatchId id) {
        try {
            return Optional.of(changes.matches().require(id));
        } catch (ArenaException.NotFound e) {
            return Optional.empty();
        }
    }

    /** Voids a game that no longer exists and starts its replacement. */
    private Future<Void> replaceLost(TournamentChange w, TournamentMatch game) {
        return w.bracket().compose(b -> w.tx().settle(game.gameId(), TournamentMatch.Outcome.VOID, w.now)
                .compose(first -> {
                    Pairing p = b.pairing(game.pairingId());
                    if (!first || !(p.state() instanceof PairingState.Ready)) {
                        return Future.succeededFuture();
                    }
                    Map<String, Object> u = w.update("match_finished");
                    u.put("pairing_id", p.id().value());
                    u.put("game_id", game.gameId());
                    u.put("game_number", game.number());
                    u.put("outcome", TournamentMatch.Outcome.VOID);
                    u.put("reason", "lost");
                    // a deadline still ahead is kept (it is stored for this); one that passed while the game was
                    // gone starts again: players could not sit down in a game that did not exist
                    Instant deadline = game.deadline() != null && game.deadline().isAfter(w.now)
                            ? game.deadline() : w.noShowDeadline();
                    return w.tx().addMatches(List.of(w.newMatch(p, game.number() + 1, deadline)));
                }));
    }

    /**
     * After a start: games this node created and that are open but not running here were lost with the previous
     * process, and so were those of nodes no longer alive (on a single node: every other node id); each is
     * replaced. Their tournaments continue where they were.
     */
    Future<Void> recover() {
        return store.openMatches(changes.node()).compose(open -> each(open.stream()
                .filter(g -> changes.matches().live(g.gameId()).isEmpty()).toList(), g -> changes.change(g.tournamentId(),
                w -> replaceIfOpen(w, g.gameId())))).compose(v -> liveNodes()).compose(this::replaceOrphans);
    }

    /** Replaces a lost game unless, under the lock, it turns out settled already (another node was first). */
    private Future<Void> replaceIfOpen(TournamentChange w, MatchId id) {
        return w.tx().match(id).compose(row -> row.isPresent() && row.get().open()
                && w.tournament.status() == TournamentStatus.RUNNING && changes.matches().live(id).isEmpty()
                ? replaceLost(w, row.get()) : Future.succeededFuture());
    }

    private static <T> Future<Void> each(List<T> items, Function<T, Future<?>> work) {
        Future<Void> chain = Future.succeededFuture();
        for (T item : items) {
            chain = chain.compose(v -> work.apply(item).<Void>mapEmpty().recover(e -> {
                if (!(e instanceof ArenaException)) {
                    log.warn("tournament work on {} failed; retried at the next sweep", item, e);
                }
                return Future.succeededFuture();
            }));
        }
        return chain;
    }
}
