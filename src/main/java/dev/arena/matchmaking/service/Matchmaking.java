package dev.arena.matchmaking.service;

import dev.arena.common.ArenaException;
import dev.arena.matchmaking.QueuedPlayer;
import dev.arena.matchmaking.QueueConfig;
import dev.arena.matchmaking.Ticket;
import dev.arena.matchmaking.TicketId;
import dev.arena.presence.SessionListener;
import dev.arena.rating.RatingSource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matchmaking service as the edges see it: tickets (enqueue, find, cancel), parties, statistics, and the step
 * that runs this node's {@link Matcher} on the matchmaking context. Domain failures are {@link ArenaException}s.
 *
 * <p>Steps never overlap: each is chained after the previous one on the one context that owns the pool. The node
 * runs a step every {@code interval}; tests call {@link #step()} with a moved clock instead.
 */
public final class Matchmaking implements SessionListener {
    private static final Logger log = LoggerFactory.getLogger(Matchmaking.class);
    static final String BY_PLAYER = "player";
    static final String DISCONNECTED = "disconnected";

    private final TicketStore store;
    private final PartyService parties;
    private final RatingSource ratings;
    private final Map<String, QueueConfig> queues = new LinkedHashMap<>();
    private final Matcher matcher;
    private final PlayerPush push;
    private final DisconnectWatch watch;
    private final Clock clock;
    private final Context context;
    /** The last published statistics of every mode, for the metrics gauges. */
    private volatile Map<String, StatsView> latest = Map.of();
    /** The step in flight (or the last one); the next is chained after it. Touched on the context only. */
    private Future<Void> stepping = Future.succeededFuture();
    private long timer = -1;

    public Matchmaking(TicketStore store, PartyService parties, RatingSource ratings, List<QueueConfig> queues,
                       Matcher matcher, PlayerPush push, DisconnectWatch watch, Clock clock, Context context) {
        this.store = store;
        this.parties = parties;
        this.ratings = ratings;
        queues.forEach(q -> this.queues.put(q.mode(), q));
        this.matcher = matcher;
        this.push = push;
        this.watch = watch;
        this.clock = clock;
        this.context = context;
    }

    public List<String> modes() {
        return List.copyOf(queues.keySet());
    }

    public PartyService parties() {
        return parties;
    }

    /** Queues the caller, or the caller's party when {@code party_id} is given (leader only). */
    public Future<TicketRecord> enqueue(UUID caller, TicketRequest request) {
        QueueConfig q = queues.get(request.mode());
        for (String c : q.hardConstraints()) {
            if (!request.properties().containsKey(c)) {
                return Future.failedFuture(new ArenaException.Invalid("properties." + c, "is required in mode "
                        + q.mode()));
            }
        }
        Future<List<UUID>> players = request.partyId().isEmpty() ? Future.succeededFuture(List.of(caller))
                : parties.get(caller, request.partyId().get()).map(p -> {
                    if (!p.leader().equals(caller)) {
                        throw new ArenaException.Forbidden("only the party leader queues the party");
                    }
                    if (p.members().size() > q.teamSize()) {
                        throw new ArenaException.Invalid("party_id", "a party of " + p.members().size()
                                + " does not fit a team of " + q.teamSize() + " in mode " + q.mode());
                    }
                    return p.members();
                });
        return players.compose(ps -> ratings.ratings(q.mode(), ps).map(rs -> {
            List<QueuedPlayer> members = new ArrayList<>();
            for (UUID p : ps) {
                var r = rs.get(p);
                members.add(new QueuedPlayer(p, r.rating(), r.deviation()));
            }
            Ticket t = new Ticket(TicketId.random(), q.mode(), members, request.partyId(), request.properties(),
                    clock.instant());
            return TicketRecord.waiting(t, caller);
        })).compose(record -> store.add(record).compose(v -> tellOthers(record, caller)).map(record));
    }

    /** A ticket the caller is on; an unknown ticket and someone else's look the same (404). */
    public Future<TicketRecord> find(UUID caller, TicketId id) {
        return store.find(id).map(r -> r.filter(t -> t.involves(caller)).orElseThrow(() -> TicketRules.notFound(id)));
    }

    /**
     * Cancels a ticket the caller is on (idempotent); {@link ArenaException.Conflict} when it was matched first,
     * so the caller knows a game is waiting.
     */
    public Future<TicketRecord> cancel(UUID caller, TicketId id) {
        return find(caller, id).compose(r -> store.cancel(id, BY_PLAYER)).map(r -> r.orElseThrow(
                () -> TicketRules.notFound(id))).compose(r -> {
                    if (r.status() == TicketStatus.MATCHED) {
                        return Future.failedFuture(new ArenaException.Conflict("ticket " + id
                                + " was already matched" + (r.gameId() == null ? "" : " into game " + r.gameId())));
                    }
                    return tellOthers(r, caller).map(r);
                });
    }

    /** The console's view of a queue: the tickets waiting in {@code mode}, whoever owns them. */
    public Future<List<TicketRecord>> waiting(String mode) {
        if (!modes().contains(mode)) {
            return Future.failedFuture(new ArenaException.NotFound("no matchmaking queue for mode " + mode));
        }
        return store.waiting(mode);
    }

    /** The console cancels a ticket for its players (they are told as if they had cancelled it themselves). */
    public Future<TicketRecord> cancelForStaff(TicketId id, String reason) {
        return store.cancel(id, reason).map(r -> r.orElseThrow(() -> TicketRules.notFound(id))).compose(r -> {
            if (r.status() == TicketStatus.MATCHED) {
                return Future.failedFuture(new ArenaException.Conflict("ticket " + id + " was already matched"));
            }
            return tellOthers(r, null).map(r);
        });
    }

    /** Every configured mode's statistics as its matcher last published them. */
    public Future<List<StatsView>> stats() {
        List<Future<StatsView>> all = new ArrayList<>();
        for (QueueConfig q : queues.values()) {
            all.add(store.stats(q.mode()).map(s -> s.map(v -> StatsView.decode(v).shaped(q))
                    .orElse(StatsView.empty(q))));
        }
        return Future.all(all).map(cf -> {
            List<StatsView> out = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                out.add(cf.resultAt(i));
            }
            return out;
        });
    }

    Map<String, StatsView> latest() {
        return latest;
    }

    /** The modes whose matcher runs on this node (as of the last step). */
    public java.util.Set<String> matching() {
        return matcher.held();
    }

    /**
     * One step at the clock's time: leases, the matcher's pass, statistics published, and the tickets of players
     * whose disconnect grace ran out with no socket on any node cancelled. Completes when all of it is done.
     */
    public Future<Void> step() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            stepping = stepping.transform(ar -> once()).onComplete(done);
        });
        return done.future();
    }

    private Future<Void> once() {
        var now = clock.instant();
        return matcher.sync()
                .compose(v -> matcher.form(now))
                .compose(n -> Future.join(matcher.stats(now).stream()
                        .map(s -> store.putStats(s.mode(), s.encode())).toList()))
                .compose(v -> stats())
                .compose(all -> {
                    Map<String, StatsView> m = new LinkedHashMap<>();
                    all.forEach(s -> m.put(s.mode(), s));
                    latest = Map.copyOf(m);
                    return sweepDisconnected();
                })
                .onFailure(e -> log.warn("matchmaking step failed: {}", e.toString()));
    }

    private Future<Void> sweepDisconnected() {
        return watch.gone(clock.instant()).compose(players -> {
            List<Future<Void>> all = new ArrayList<>();
            for (UUID player : players) {
                all.add(store.waitingOf(player).compose(waiting -> Future.join(waiting.stream()
                        .map(t -> store.cancel(t.ticket().id(), DISCONNECTED).compose(r -> r.isEmpty()
                                ? Future.succeededFuture() : tellOthers(r.get(), null)))
                        .toList())).mapEmpty());
            }
            return Future.join(all).mapEmpty();
        });
    }

    /** Pushes {@code mm.ticket} to the players of the ticket other than {@code except} (null: to all). */
    private Future<Void> tellOthers(TicketRecord r, UUID except) {
        String frame = Frames.ticket(r);
        return Future.join(r.players().stream().filter(p -> !p.equals(except)).map(p -> push.push(p, frame))
                .toList()).mapEmpty();
    }

    /** Starts the periodic step on the matchmaking context. */
    public void start(Duration interval) {
        context.runOnContext(v -> timer = context.owner().setPeriodic(interval.toMillis(), id -> {
            if (stepping.isComplete()) {
                step();
            }
        }));
    }

    /** Stops stepping and gives up this node's leases, so another node's matcher takes over at once. */
    public Future<Void> stop() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            if (timer >= 0) {
                context.owner().cancelTimer(timer);
            }
            stepping.transform(ar -> matcher.releaseAll()).onComplete(done);
        });
        return done.future();
    }

    @Override
    public void opened(UUID player) {
        watch.opened(player);
    }

    @Override
    public void closed(UUID player) {
        watch.closed(player);
    }

    Optional<QueueConfig> queue(String mode) {
        return Optional.ofNullable(queues.get(mode));
    }
}
