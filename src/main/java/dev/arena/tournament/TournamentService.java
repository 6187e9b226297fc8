package dev.arena.tournament;

import dev.arena.common.ArenaException;
import dev.arena.identity.Principal;
import dev.arena.identity.Role;
import dev.arena.match.MatchDirectory;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import dev.arena.match.MatchResult;
import dev.arena.cluster.NodeBus;
import dev.arena.cluster.NodeMessage;
import dev.arena.rating.Rating;
import dev.arena.rating.RatingSource;
import dev.arena.results.FinishedMatch;
import dev.arena.tournament.bracket.Bracket;
import dev.arena.tournament.bracket.BracketException;
import dev.arena.tournament.bracket.Brackets;
import dev.arena.tournament.bracket.Correction;
import dev.arena.tournament.bracket.Format;
import dev.arena.tournament.bracket.Pairing;
import dev.arena.tournament.bracket.PairingId;
import dev.arena.tournament.bracket.PairingState;
import dev.arena.tournament.bracket.Result;
import dev.arena.tournament.bracket.Seed;
import dev.arena.tournament.bracket.SeriesRules;
import dev.arena.tournament.bracket.Side;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tournaments from registration to the last result: the lifecycle, the games of every pairing, no-shows,
 * corrections and the live updates. State is in PostgreSQL; every change locks the tournament's row, so any node
 * (and any retried result job) may make it. Changes of one tournament on this node also run one after another, so
 * the bracket cached here for the current version is usually right and updates leave in order.
 */
public final class TournamentService {
    private static final Logger log = LoggerFactory.getLogger(TournamentService.class);
    /** Tournaments one listing returns at most. */
    static final int LIST_LIMIT = 100;

    /** {@code POST /tournaments}, validated by the edge. */
    public record Create(String name, TournamentFormat format, String mode, int maxPlayers, int bestOf,
                         Integer rounds, boolean thirdPlaceMatch, Instant startsAt, int checkInMinutes,
                         int noShowMinutes) {}

    /** A tournament with its registrations (the {@code GET /tournaments/{id}} body is built from it). */
    public record Details(Tournament tournament, List<Registration> players) {}

    private record Cached(long version, Bracket bracket) {}

    private final TournamentStore store;
    private final MatchDirectory games;
    private final RatingSource ratings;
    private final TournamentFeed feed;
    private final Clock clock;
    private final String node;
    /** The other nodes (their games, who is alive); none on a single node. */
    private final NodeBus cluster;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Future<?>> tails = new HashMap<>();
    /** Set when the node stops: its games are about to end, and the next start replaces them (see recover). */
    private volatile boolean closed;

    /**
     * @param node    this node's id, written on the games it creates
     * @param cluster the other nodes: a game belongs to the node that created it, is judged by asking it, and is
     *                replaced by any live node once its creator is gone (a single node's bus has no peers, so every
     *                game of another node id is lost)
     */
    public TournamentService(TournamentStore store, MatchDirectory games, RatingSource ratings, TournamentFeed feed,
                             Clock clock, String node, NodeBus cluster) {
        this.store = Objects.requireNonNull(store, "store");
        this.games = Objects.requireNonNull(games, "games");
        this.ratings = Objects.requireNonNull(ratings, "ratings");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.node = Objects.requireNonNull(node, "node");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    /** Another node's sweep judging a no-show of one of this node's games asks who sat down. */
    public String seatsHere(MatchId id) {
        return GameSeats.of(games.require(id)).encode();
    }

    /** A change made on another node ended one of this node's games (a walkover, a correction, a cancellation). */
    public void stopHere(MatchId id, String reason) {
        games.live(id).ifPresent(loop -> loop.stop(reason));
    }

    MatchDirectory games() {
        return games;
    }

    String node() {
        return node;
    }

    Bracket cached(UUID id, long version) {
        Cached c = cache.get(id);
        return c != null && c.version() == version ? c.bracket() : null;
    }

    /**
     * The node is stopping: from now on every change is refused ({@code Unavailable}; a result job is retried on a
     * node that runs). Otherwise the abandoned ends of this node's games, stopped by the shutdown, would start
     * replacement games on a node that is going away.
     */
    public void close() {
        closed = true;
    }

    // ---- lifecycle --------------------------------------------------------------------------------------------

    /** The creator is the organiser. {@code Invalid} when the mode is not a game of this node. */
    public Future<Tournament> create(UUID organiser, Create c) {
        if (games.registry().games().find(c.mode()).isEmpty()) {
            throw new ArenaException.Invalid("mode", "unknown game mode; one of "
                    + games.registry().games().games().stream().map(i -> i.mode()).toList());
        }
        Instant now = clock.instant();
        TournamentStatus status = c.checkInMinutes() > 0 && !now.isBefore(c.startsAt().minusSeconds(60L * c.checkInMinutes()))
                ? TournamentStatus.CHECKING_IN : TournamentStatus.REGISTERING;
        Tournament t = new Tournament(UUID.randomUUID(), c.name(), c.format(), c.mode(), c.maxPlayers(), c.bestOf(),
                c.format() == TournamentFormat.SWISS ? c.rounds() : null, c.thirdPlaceMatch(), c.startsAt(),
                c.checkInMinutes(), c.noShowMinutes(), organiser, status, 0, now, null, null);
        return store.insert(t);
    }

    public Future<Details> details(UUID id) {
        return Future.all(require(id), store.registrations(id))
                .map(all -> new Details(all.resultAt(0), all.resultAt(1)));
    }

    public Future<List<Tournament>> list(TournamentStatus status) {
        return store.list(status, LIST_LIMIT);
    }

    public Future<Void> register(UUID id, UUID player) {
        return change(id, w -> {
            Tournament t = w.tournament;
            if (!t.status().open()) {
                throw new ArenaException.Conflict("registration is closed: the tournament is " + t.status().wire());
            }
            // insert first (a second registration is refused by the key), then count: over the limit rolls back
            return w.tx().register(id, player, w.now).map(count -> {
                if (count > t.maxPlayers()) {
                    throw new ArenaException.Conflict("the tournament is full (" + t.maxPlayers() + " players)");
                }
                players(w, "player_registered", player, count);
                return null;
            });
        });
    }

    public Future<Void> unregister(UUID id, UUID player) {
        return change(id, w -> {
            if (!w.tournament.status().open()) {
                throw new ArenaException.Conflict("the tournament is " + w.tournament.status().wire()
                        + ": registrations can no longer change");
            }
            return w.tx().unregister(id, player).compose(was -> {
                if (!was) {
                    throw new ArenaException.Conflict("not registered");
                }
                return w.tx().registrationCount(id).map(count -> {
                    players(w, "player_unregistered", player, count);
                    return null;
                });
            });
        });
    }

    public Future<Void> checkIn(UUID id, UUID player) {
        return change(id, w -> {
            if (w.tournament.status() != TournamentStatus.CHECKING_IN) {
                throw new ArenaException.Conflict(w.tournament.checkInMinutes() == 0
                        ? "this tournament has no check-in"
                        : "check-in is not open: the tournament is " + w.tournament.status().wire());
            }
            return w.tx().checkIn(id, player, w.now).map(was -> {
                if (!was) {
                    throw new ArenaException.Conflict("not registered");
                }
                players(w, "player_checked_in", player, null);
                return null;
            });
        });
    }

    private static void players(TournamentChange w, String type, UUID player, Integer count) {
        Map<String, Object> u = w.update(type);
        u.put("player_id", player);
        if (count != null) {
            u.put("player_count", count);
        }
    }

    /**
     * Starts the tournament now: seeds the players who take part (every registered player, or only those who
     * checked in when there is a check-in) by rating, or in {@code manualOrder} (best first), and pairs them.
     */
    public Future<Tournament> start(UUID id, Principal by, List<UUID> manualOrder) {
        return change(id, w -> {
            organiser(w.tournament, by);
            if (!w.tournament.status().open()) {
                throw new ArenaException.Conflict("the tournament is " + w.tournament.status().wire());
            }
            return begin(w, manualOrder, false).map(v -> w.tournament);
        });
    }

    public Future<Tournament> cancel(UUID id, Principal by) {
        return change(id, w -> {
            organiser(w.tournament, by);
            if (w.tournament.status().ended()) {
                throw new ArenaException.Conflict("the tournament is already " + w.tournament.status().wire());
            }
            return cancelled(w, "cancelled by the organiser").map(v -> w.tournament);
        });
    }

    private Future<Void> cancelled(TournamentChange w, String reason) {
        w.status(TournamentStatus.CANCELLED, reason);
        return w.tx().games(w.id()).compose(gs -> {
            List<Future<?>> settled = new ArrayList<>();
            for (TournamentGame g : gs) {
                if (g.open()) {
                    settled.add(w.tx().settle(g.gameId(), TournamentGame.Outcome.VOID, w.now));
                    w.toStop.add(g.gameId());
                }
            }
            return Future.all(settled).mapEmpty();
        });
    }

    private Future<Void> begin(TournamentChange w, List<UUID> manualOrder, boolean automatic) {
        Tournament t = w.tournament;
        return w.tx().registrations(t.id()).compose(regs -> {
            List<Registration> entrants = regs.stream()
                    .filter(r -> t.checkInMinutes() == 0 || r.checkedInAt() != null).toList();
            if (entrants.size() < 2) {
                if (automatic) {
                    return cancelled(w, "fewer than 2 players " + (t.checkInMinutes() > 0 ? "checked in" : "registered"));
                }
                throw new ArenaException.Conflict("at least 2 players must have "
                        + (t.checkInMinutes() > 0 ? "checked in" : "registered") + " to start, " + entrants.size()
                        + " did");
            }
            return seedOrder(t, entrants, manualOrder).compose(order -> {
                List<Seed> seeds = TournamentChange.seeds(order);
                Format format = t.format().bracketFormat(t.bestOf(), t.rounds(), t.thirdPlaceMatch(), seeds.size());
                Bracket bracket;
                try {
                    bracket = Brackets.start(format, seeds);
                } catch (BracketException e) {
                    throw domain(e);
                }
                w.status(TournamentStatus.RUNNING, null);
                return w.bracket().compose(none -> w.tx().seed(t.id(), seeds))
                        .compose(v -> w.commit(bracket, List.of(), List.of()));
            });
        });
    }

    /** Players best first: the organiser's order, or by rating (ties: who registered first). */
    private Future<List<UUID>> seedOrder(Tournament t, List<Registration> entrants, List<UUID> manualOrder) {
        List<UUID> ids = entrants.stream().map(Registration::playerId).toList();
        if (manualOrder != null) {
            if (manualOrder.size() != ids.size() || !new HashSet<>(manualOrder).equals(new HashSet<>(ids))) {
                throw new ArenaException.Invalid("seed_order", "must list each of the " + ids.size()
                        + " players taking part exactly once");
            }
            return Future.succeededFuture(List.copyOf(manualOrder));
        }
        return ratings.ratings(t.mode(), ids).map(byPlayer -> {
            List<UUID> order = new ArrayList<>(ids); // registrations come in registration order
            order.sort(Comparator.comparingDouble(
                    (UUID p) -> -byPlayer.getOrDefault(p, Rating.UNRATED).rating()));
            return order;
        });
    }

    /**
     * The organiser's word on a pairing: the result of a pairing still being played (its open game ends), or a
     * correction of a decided one, which resets exactly the pairings that depended on it (their games stop
     * counting, new ones start) and is written to the audit trail.
     */
    public Future<TournamentViews.PairingView> setResult(UUID id, PairingId pairing, Result result, String reason,
                                                         Principal by) {
        return change(id, w -> {
            organiser(w.tournament, by);
            if (w.tournament.status() != TournamentStatus.RUNNING) {
                throw new ArenaException.Conflict("the tournament is " + w.tournament.status().wire());
            }
            return w.bracket().compose(b -> {
                Pairing p;
                Bracket after;
                List<PairingId> reset;
                String previous;
                try {
                    p = b.pairing(pairing);
                    if (p.state() instanceof PairingState.Decided d) {
                        Correction c = b.correctResult(pairing, result);
                        after = c.bracket();
                        reset = c.reset();
                        previous = BracketText.result(d.result());
                    } else {
                        after = b.reportResult(pairing, result);
                        reset = List.of();
                        previous = "none";
                    }
                } catch (BracketException e) {
                    throw domain(e);
                }
                // the pairing's own open game ends (a result by hand) and its series is what the organiser says
                List<PairingId> ended = new ArrayList<>(reset);
                String text = BracketText.result(result);
                var transition = new TournamentStore.Transition("correction", pairing, text, null, w.now);
                var audit = new TournamentStore.Correction(pairing, previous, text, reset, reason, by.playerId(), w.now);
                return w.tx().addCorrection(id, audit)
                        .compose(v -> w.tx().gamesOf(id, List.of(pairing)))
                        .compose(own -> {
                            List<Future<?>> stop = new ArrayList<>();
                            for (TournamentGame g : own) {
                                if (g.open()) {
                                    stop.add(w.tx().settle(g.gameId(), TournamentGame.Outcome.RESET, w.now));
                                    w.toStop.add(g.gameId());
                                }
                            }
                            return Future.all(stop);
                        })
                        .compose(v -> {
                            Map<String, Object> u = w.update("result_corrected");
                            u.put("pairing_id", pairing.value());
                            u.put("previous", previous);
                            u.put("result", text);
                            u.put("reset", ended.stream().map(PairingId::value).toList());
                            return w.commit(after, List.of(transition), reset);
                        })
                        .map(v -> TournamentViews.pairing(after.pairing(pairing), List.of()));
            });
        });
    }

    // ---- results ---------------------------------------------------------------------------------------------

    /**
     * A finished game: counts it in its pairing's series, and once the series is decided, advances the bracket.
     * Idempotent: the game's row is settled at most once (a second delivery finds it settled and does nothing).
     */
    public Future<Void> applyResult(FinishedMatch m) {
        // the row's tournament and pairing never change, so they are read before taking the lock; whether the game
        // is still open is decided under it (settle), which is what makes a second delivery a no-op
        return store.tournamentGame(m.id()).compose(row -> row.isEmpty() || !row.get().open()
                ? Future.succeededFuture()
                : change(row.get().tournamentId(), w -> counted(w, row.get(), m.result())));
    }

    private Future<Void> counted(TournamentChange w, TournamentGame game, MatchResult result) {
        if (w.tournament.status() != TournamentStatus.RUNNING) {
            return w.tx().settle(game.gameId(), TournamentGame.Outcome.VOID, w.now).mapEmpty();
        }
        return w.bracket().compose(b -> {
            Pairing p = b.pairing(game.pairingId());
            if (!(p.state() instanceof PairingState.Ready)) {
                // decided meanwhile (by the organiser or a no-show): this game no longer counts
                return w.tx().settle(game.gameId(), TournamentGame.Outcome.VOID, w.now).mapEmpty();
            }
            SeriesRules rules = b.format().seriesRules();
            TournamentGame.Outcome outcome = outcome(p, result, rules.drawsAllowed());
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
                if (outcome == TournamentGame.Outcome.VOID) {
                    // replayed: the no-show clock keeps running if nobody had sat down yet
                    Instant deadline = game.deadline() != null ? game.deadline() : noShowDeadline(w);
                    return w.tx().addGames(List.of(w.newGame(p, game.number() + 1, deadline)));
                }
                Future<List<TournamentGame>> played = rules.bestOf() == 1 ? Future.succeededFuture(List.of(
                        new TournamentGame(game.gameId(), w.id(), p.id(), game.number(), game.node(), game.createdAt(),
                                game.deadline(), outcome)))
                        : w.tx().gamesOf(w.id(), List.of(p.id()));
                return played.compose(gs -> {
                    TournamentGame.Score score = TournamentGame.score(gs);
                    int home = score.home();
                    int away = score.away();
                    int draws = score.draws();
                    int last = score.lastNumber();
                    int need = rules.winsNeeded();
                    if (home < need && away < need && home + away + draws < rules.bestOf()) {
                        return w.tx().addGames(List.of(w.newGame(p, last + 1, noShowDeadline(w))));
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

    private static TournamentGame.Outcome outcome(Pairing p, MatchResult result, boolean drawsAllowed) {
        return switch (result.outcome()) {
            case MatchResult.Winner win -> {
                String winner = win.player().value().toString();
                if (p.homePlayer().map(h -> h.value().equals(winner)).orElse(false)) {
                    yield TournamentGame.Outcome.HOME;
                }
                yield p.awayPlayer().map(a -> a.value().equals(winner)).orElse(false)
                        ? TournamentGame.Outcome.AWAY : TournamentGame.Outcome.VOID;
            }
            // elimination formats replay drawn games
            case MatchResult.Draw d -> drawsAllowed ? TournamentGame.Outcome.DRAW : TournamentGame.Outcome.VOID;
            case MatchResult.Abandoned a -> TournamentGame.Outcome.VOID;
        };
    }

    private static Instant noShowDeadline(TournamentChange w) {
        return w.now.plusSeconds(60L * w.tournament.noShowMinutes());
    }

    // ---- time-driven work --------------------------------------------------------------------------------------

    /**
     * One pass of the periodic work, by the injected clock: opens check-ins, starts tournaments that are due (or
     * cancels them with fewer than 2 players), settles games whose no-show deadline passed — of every node: on a
     * cluster the seats of another node's game are asked of it — and, on a cluster, replaces the open games of
     * nodes that are no longer alive. Each item is its own change (two nodes sweeping the same item apply it once:
     * the change re-reads the game's row under the tournament's lock); one failing is logged and retried at the
     * next pass.
     */
    public Future<Void> sweep() {
        Instant now = clock.instant();
        Future<Void> due = store.due(now).compose(ids -> each(ids, id -> change(id, w -> timed(w))));
        return due.compose(v -> liveNodes()).compose(live -> store.expired(now, null)
                .compose(expired -> each(expired, g -> seats(g, live)
                        .compose(seats -> change(g.tournamentId(), w -> noShow(w, g.gameId(), seats)))))
                .compose(v -> replaceOrphans(live)));
    }

    /** Replaces the open games of nodes that are not alive (their matches died with them). */
    private Future<Void> replaceOrphans(List<String> live) {
        return store.openGamesOutside(live).compose(lost -> each(lost,
                g -> change(g.tournamentId(), w -> replaceIfOpen(w, g.gameId()))));
    }

    /** This node and the other live ones. */
    private Future<List<String>> liveNodes() {
        return cluster.peers().map(peers -> {
            List<String> live = new ArrayList<>(peers);
            live.add(node);
            return live;
        });
    }

    /**
     * Who sat down in a game, from the node that runs it; empty when the game is lost (its node does not know
     * it, or is dead). A live node that does not answer fails the item: it is judged at the next sweep, never
     * guessed. Asked before the tournament's lock is taken, so no lock waits on the bus; the seats are those of a
     * moment after the deadline, which is what the deadline means.
     */
    private Future<Optional<GameSeats>> seats(TournamentGame g, List<String> live) {
        if (g.node().equals(node)) {
            return Future.succeededFuture(known(g.gameId()).map(GameSeats::of));
        }
        if (!live.contains(g.node())) {
            return Future.succeededFuture(Optional.empty());
        }
        return cluster.ask(g.node(), new NodeMessage.Seats(g.gameId()))
                .map(answer -> Optional.of(GameSeats.decode(answer)))
                .recover(e -> e instanceof ArenaException.NotFound
                        ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(e));
    }

    private Future<Void> timed(TournamentChange w) {
        Tournament t = w.tournament;
        if (!t.status().open()) {
            return Future.succeededFuture();
        }
        if (!w.now.isBefore(t.startsAt())) {
            return begin(w, null, true);
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
    private Future<Void> noShow(TournamentChange w, MatchId id, Optional<GameSeats> seats) {
        return w.tx().game(id).compose(row -> {
            if (row.isEmpty() || !row.get().open() || row.get().deadline() == null
                    || row.get().deadline().isAfter(w.now) || w.tournament.status() != TournamentStatus.RUNNING) {
                return Future.succeededFuture();
            }
            TournamentGame game = row.get();
            if (seats.isEmpty()) {
                return replaceLost(w, game);
            }
            Set<String> seated = seats.get().seated();
            if (seats.get().bothPlaying()) {
                return w.tx().clearDeadline(id); // both came; the result will follow
            }
            return w.bracket().compose(b -> {
                Pairing p = b.pairing(game.pairingId());
                if (!(p.state() instanceof PairingState.Ready)) {
                    return w.tx().settle(id, TournamentGame.Outcome.VOID, w.now).mapEmpty();
                }
                boolean homeHere = seated.contains(p.homePlayer().orElseThrow().value());
                Side noShow = homeHere ? Side.AWAY : (seated.contains(p.awayPlayer().orElseThrow().value())
                        ? Side.HOME : Side.AWAY);
                Result result = Result.walkover(noShow);
                Bracket after = b.reportResult(p.id(), result);
                w.toStop.add(id);
                Map<String, Object> u = w.update("walkover");
                u.put("pairing_id", p.id().value());
                u.put("game_id", id);
                u.put("no_show", noShow.name().toLowerCase(java.util.Locale.ROOT));
                u.put("both_absent", !homeHere && !seated.contains(p.awayPlayer().orElseThrow().value()));
                return w.tx().settle(id, TournamentGame.Outcome.WALKOVER, w.now)
                        .compose(v -> w.commit(after, List.of(new TournamentStore.Transition("walkover", p.id(),
                                BracketText.result(result), null, w.now)), List.of()));
            });
        });
    }

    /** The game as this node knows it (running, or finished recently), when this node is the one that runs it. */
    private Optional<MatchDirectory.Game> known(MatchId id) {
        try {
            return Optional.of(games.require(id));
        } catch (ArenaException.NotFound e) {
            return Optional.empty();
        }
    }

    /** Voids a game that no longer exists and starts its replacement. */
    private Future<Void> replaceLost(TournamentChange w, TournamentGame game) {
        return w.bracket().compose(b -> w.tx().settle(game.gameId(), TournamentGame.Outcome.VOID, w.now)
                .compose(first -> {
                    Pairing p = b.pairing(game.pairingId());
                    if (!first || !(p.state() instanceof PairingState.Ready)) {
                        return Future.succeededFuture();
                    }
                    Map<String, Object> u = w.update("match_finished");
                    u.put("pairing_id", p.id().value());
                    u.put("game_id", game.gameId());
                    u.put("game_number", game.number());
                    u.put("outcome", TournamentGame.Outcome.VOID);
                    u.put("reason", "lost");
                    // a deadline still ahead is kept (it is stored for this); one that passed while the game was
                    // gone starts again: players could not sit down in a game that did not exist
                    Instant deadline = game.deadline() != null && game.deadline().isAfter(w.now)
                            ? game.deadline() : noShowDeadline(w);
                    return w.tx().addGames(List.of(w.newGame(p, game.number() + 1, deadline)));
                }));
    }

    /**
     * After a start: games this node created and that are open but not running here were lost with the previous
     * process, and so were those of nodes no longer alive (on a single node: every other node id); each is
     * replaced. Their tournaments continue where they were.
     */
    public Future<Void> recover() {
        return store.openGames(node).compose(open -> each(open.stream()
                .filter(g -> games.live(g.gameId()).isEmpty()).toList(), g -> change(g.tournamentId(),
                w -> replaceIfOpen(w, g.gameId())))).compose(v -> liveNodes()).compose(this::replaceOrphans);
    }

    /** Replaces a lost game unless, under the lock, it turns out settled already (another node was first). */
    private Future<Void> replaceIfOpen(TournamentChange w, MatchId id) {
        return w.tx().game(id).compose(row -> row.isPresent() && row.get().open()
                && w.tournament.status() == TournamentStatus.RUNNING && games.live(id).isEmpty()
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

    // ---- reading ------------------------------------------------------------------------------------------------

    /** The tournament and its bracket (null before the start). */
    public record Loaded(Tournament tournament, Bracket bracket, List<Registration> players) {}

    /** Reads the tournament, its registrations and its pairings concurrently, then the bracket from them. */
    public Future<Loaded> load(UUID id) {
        Future<Tournament> t = require(id);
        Future<List<Registration>> regs = store.registrations(id);
        Future<List<Pairing>> pairings = store.inTransaction(tx -> tx.pairings(id));
        return Future.all(t, regs, pairings).map(all -> {
            Tournament tour = t.result();
            List<Seed> seeds = new ArrayList<>();
            for (Registration r : regs.result()) {
                if (r.seed() != null) {
                    seeds.add(new Seed(dev.arena.tournament.bracket.PlayerId.of(r.playerId().toString()), r.seed()));
                }
            }
            seeds.sort(Comparator.comparingInt(Seed::rank));
            Bracket b = cached(id, tour.version());
            if (b == null && !seeds.isEmpty()) {
                b = TournamentChange.restore(tour, seeds, pairings.result());
                if (!tour.status().ended()) { // only brackets still changing are kept
                    cache.put(id, new Cached(tour.version(), b));
                }
            }
            return new Loaded(tour, b, regs.result());
        });
    }

    public Future<TournamentViews.BracketView> bracket(UUID id) {
        return Future.all(load(id), store.games(id, null)).map(all -> {
            Loaded l = all.resultAt(0);
            return TournamentViews.bracket(l.tournament(), l.bracket(), all.resultAt(1));
        });
    }

    public Future<TournamentViews.LeaderboardView> leaderboard(UUID id) {
        return load(id).map(l -> {
            Map<UUID, String> names = new HashMap<>();
            l.players().forEach(r -> names.put(r.playerId(), r.displayName()));
            return TournamentViews.leaderboard(l.tournament(), l.bracket(), names);
        });
    }

    public Future<List<TournamentViews.GameView>> matches(UUID id, Integer round) {
        return Future.all(load(id), store.games(id, round)).map(all -> {
            Loaded l = all.resultAt(0);
            List<TournamentGame> gs = all.resultAt(1);
            List<TournamentViews.GameView> out = new ArrayList<>(gs.size());
            for (TournamentGame g : gs) {
                out.add(TournamentViews.game(g, l.bracket().pairing(g.pairingId())));
            }
            return out;
        });
    }

    public Future<List<TournamentStore.Correction>> corrections(UUID id) {
        return require(id).compose(t -> store.corrections(id));
    }

    private Future<Tournament> require(UUID id) {
        return store.find(id).map(t -> t.orElseThrow(() -> new ArenaException.NotFound("no tournament " + id)));
    }

    // ---- the change machinery ------------------------------------------------------------------------------------

    /**
     * Runs {@code body} in a transaction holding the tournament's row lock, after every earlier change of the same
     * tournament on this node. On commit: caches the bracket, stops the games it ended, publishes its updates (in
     * version order) and notifications. On failure: stops the games it created.
     */
    private <T> Future<T> change(UUID id, Function<TournamentChange, Future<T>> body) {
        if (closed) {
            return Future.failedFuture(new ArenaException.Unavailable("this node is stopping"));
        }
        return serially(id, () -> {
            TournamentChange[] holder = new TournamentChange[1];
            Future<T> committed = store.inTransaction(tx -> tx.lock(id).compose(locked -> {
                TournamentChange w = new TournamentChange(tx, this, locked, clock.instant());
                holder[0] = w;
                return body.apply(w).compose(result -> w.write().map(result));
            }));
            return committed.transform(ar -> {
                TournamentChange w = holder[0];
                if (ar.failed()) {
                    if (w != null) {
                        w.created.forEach(g -> stop(g, "tournament change failed"));
                    }
                    return Future.failedFuture(ar.cause());
                }
                if (w.bracketKnown() && w.bracketAfter() != null) {
                    cache.put(id, new Cached(w.tournament.version(), w.bracketAfter()));
                }
                if (w.tournament.status().ended()) {
                    cache.remove(id);
                }
                w.toStop.forEach(g -> stop(g, "tournament"));
                return publish(w).map(ar.result());
            });
        });
    }

    private Future<Void> publish(TournamentChange w) {
        Future<Void> chain = Future.succeededFuture();
        for (String u : w.encodedUpdates()) {
            chain = chain.compose(v -> feed.publish(w.id(), u));
        }
        List<Future<Void>> notes = new ArrayList<>();
        for (TournamentChange.Notification n : w.notifications()) {
            notes.add(feed.notify(w.id(), n.player(), dev.arena.common.Json.encodeToString(n.body())));
        }
        // a lost update shows as a gap in the versions, and the client refetches: never fail the change for it
        return Future.join(chain, Future.join(new ArrayList<>(notes))).<Void>mapEmpty().recover(e -> {
            log.warn("tournament {}: a live update could not be published: {}", w.id(), e.toString());
            return Future.succeededFuture();
        });
    }

    /** Ends a game this change settled, wherever it runs: another node's is stopped by its owner, asked once. */
    private void stop(MatchId id, String reason) {
        Optional<MatchLoop<?, ?, ?>> here = games.live(id);
        if (here.isPresent()) {
            here.get().stop(reason);
        } else {
            // a failure leaves a game nobody counts any more (its row is settled); the players see it as an
            // abandoned game, so it is only logged
            cluster.owner(id).compose(owner -> cluster.ask(owner, new NodeMessage.Stop(id, reason)))
                    .onFailure(e -> {
                        if (!(e instanceof ArenaException.NotFound)) { // not found: gone already, nothing to stop
                            log.info("tournament game {} could not be stopped on its node: {}", id, e.toString());
                        }
                    });
        }
    }

    private <T> Future<T> serially(UUID id, Supplier<Future<T>> work) {
        synchronized (tails) {
            Future<?> previous = tails.getOrDefault(id, Future.succeededFuture());
            Future<T> mine = previous.transform(ar -> work.get());
            tails.put(id, mine);
            mine.onComplete(ar -> {
                synchronized (tails) {
                    tails.remove(id, mine);
                }
            });
            return mine;
        }
    }

    private static void organiser(Tournament t, Principal by) {
        if (by.role() != Role.ADMIN && !by.playerId().equals(t.organiser())) {
            throw new ArenaException.Forbidden("only the organiser of the tournament or an admin may do this");
        }
    }

    /** Bracket refusals as the domain errors the edge maps. */
    static ArenaException domain(BracketException e) {
        return switch (e.reason()) {
            case UNKNOWN_PAIRING -> new ArenaException.NotFound(e.getMessage());
            case NOT_READY, ALREADY_DECIDED, NOT_DECIDED -> new ArenaException.Conflict(e.getMessage());
            case INVALID_RESULT, DRAW_NOT_ALLOWED -> new ArenaException.Invalid("result", e.getMessage());
            case INVALID_SEEDS, INVALID_FORMAT, INVALID_SNAPSHOT -> new ArenaException.Invalid("format", e.getMessage());
        };
    }
}
