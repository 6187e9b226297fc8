package dev.arena.tournament;

import dev.arena.cluster.NodeBus;
import dev.arena.cluster.NodeMessage;
import dev.arena.common.ArenaException;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import dev.arena.tournament.bracket.Bracket;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change machinery: every change of a tournament runs in a transaction holding its row lock, after the earlier
 * changes of the same tournament on this node; on commit the bracket is cached, the games it ended are stopped
 * (wherever they run) and its updates are published in version order.
 */
final class TournamentChanges {
    private static final Logger log = LoggerFactory.getLogger(TournamentChanges.class);

    private record Cached(long version, Bracket bracket) {}

    private final TournamentStore store;
    private final HostedMatches matches;
    private final TournamentFeed feed;
    private final Clock clock;
    private final String node;
    /** The other nodes: a game of another node is stopped by its owner. */
    private final NodeBus cluster;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Future<?>> tails = new HashMap<>();
    /** Set when the node stops: its games are about to end, and the next start replaces them (see recover). */
    private volatile boolean closed;

    TournamentChanges(TournamentStore store, HostedMatches matches, TournamentFeed feed, Clock clock, String node,
                      NodeBus cluster) {
        this.store = store;
        this.matches = matches;
        this.feed = feed;
        this.clock = clock;
        this.node = node;
        this.cluster = cluster;
    }

    HostedMatches matches() {
        return matches;
    }

    /** This node's id, written on the games it creates. */
    String node() {
        return node;
    }

    /** The bracket of the tournament cached here for {@code version}, or null. */
    Bracket cached(UUID id, long version) {
        Cached c = cache.get(id);
        return c != null && c.version() == version ? c.bracket() : null;
    }

    /** Caches a bracket read for {@code version} (only brackets still changing are kept). */
    void keep(UUID id, long version, Bracket bracket) {
        cache.put(id, new Cached(version, bracket));
    }

    /** From now on every change is refused ({@code Unavailable}). */
    void close() {
        closed = true;
    }


    /**
     * Runs {@code body} in a transaction holding the tournament's row lock, after every earlier change of the same
     * tournament on this node. On commit: caches the bracket, stops the games it ended, publishes its updates (in
     * version order) and notifications. On failure: stops the games it created.
     */
    <T> Future<T> change(UUID id, Function<TournamentChange, Future<T>> body) {
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
        Optional<MatchLoop<?, ?, ?>> here = matches.live(id);
        if (here.isPresent()) {
            here.get().stop(reason);
        } else {
            // a failure leaves a game nobody counts any more (its row is settled); the players see it as an
            // abandoned game, so it is only logged
            cluster.owner(id).compose(owner -> cluster.ask(owner, new NodeMessage.MatchStop(id, reason)))
                    .onFailure(e -> {
                        // not found or ended: gone already, nothing to stop
                        if (!(e instanceof ArenaException.NotFound || e instanceof ArenaException.Rejected)) {
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
}
