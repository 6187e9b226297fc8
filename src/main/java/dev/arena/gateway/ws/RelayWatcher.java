package dev.arena.gateway.ws;

import dev.arena.cluster.NodeBus;
import dev.arena.cluster.NodeMessage;
import dev.arena.common.PlayerId;
import dev.arena.match.InputAck;
import dev.arena.match.MatchId;
import dev.arena.match.MatchResult;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watcher's side of the match relay (a cluster; docs/CLUSTERING.md, "Match routing"): the {@code match.*} of
 * this node's sockets on a match another node owns go to the owner as {@link NodeMessage}s; the owner's frames
 * arrive as pushes and go to the sockets here through {@link MatchFeed#deliver}. When the owner is lost, its matches
 * end here with an abandoned result ({@code owner_lost}): there is no migration, the state lived only there.
 */
public final class RelayWatcher {
    private static final Logger log = LoggerFactory.getLogger(RelayWatcher.class);
    static final String OWNER_LOST = "owner_lost";

    /** A match of another node watched from here: its owner, the sockets here, the last tick relayed. */
    private static final class Away {
        final String owner;
        int sockets;
        volatile long tick;

        Away(String owner) {
            this.owner = owner;
        }
    }

    private final NodeBus bus;
    private final MatchFeed feed;
    /** Other nodes' matches watched from here. */
    private final Map<MatchId, Away> away = new ConcurrentHashMap<>();

    public RelayWatcher(NodeBus bus, MatchFeed feed) {
        this.bus = bus;
        this.feed = feed;
    }

    /** On the socket's event loop, once the match's owner is known. */
    void attach(Connection c, Object rid, MatchId id, boolean asPlayer, String owner) {
        boolean added = c.matches.add(id);
        if (added) {
            hold(id, owner);
        }
        feed.attach(id, c);
        bus.ask(owner, new NodeMessage.SocketAttach(id, me(c), bus.node(), rid, asPlayer,
                        c.principal.role().mayWatchPrivateGames()))
                .onComplete(r -> c.context.runOnContext(w -> {
                    if (r.succeeded()) {
                        c.outbound.offer(r.result()); // match.state, encoded by the owner with this rid
                        return;
                    }
                    if (added && c.matches.remove(id)) {
                        feed.detach(id, c);
                        drop(id);
                    }
                    MessageRouter.fail(c, rid, r.cause());
                }));
    }

    void input(Connection c, ClientMessage.MatchInput i, Future<String> owner) {
        MatchId id = i.gameId();
        var input = new NodeMessage.SocketInput(id, me(c), bus.node(), c.matches.contains(id), i.input(),
                i.seq() == InputAck.NONE ? null : i.seq());
        owner.compose(o -> bus.ask(o, input)).onFailure(e -> MessageRouter.fail(c, i.rid(), e));
    }

    /** {@code owner} was looked up before the socket let go of the match (that may forget it here). */
    void leave(Connection c, ClientMessage.MatchLeave l, Future<String> owner) {
        MatchId id = l.gameId();
        boolean attached = c.matches.remove(id);
        boolean another = attached && feed.detach(id, c);
        if (attached) {
            drop(id);
        }
        var leave = new NodeMessage.SocketLeave(id, me(c), bus.node(), attached, attached && !another);
        owner.compose(o -> bus.ask(o, leave)).onComplete(ar -> {
            if (ar.succeeded()) {
                c.send(new ServerMessage.MatchLeft(l.rid(), id));
            } else {
                MessageRouter.fail(c, l.rid(), ar.cause());
            }
        });
    }

    /** The socket closed: when it was its player's last one here, the owner hears of it (the grace starts). */
    void detach(Connection c, MatchId id) {
        c.matches.remove(id);
        boolean another = feed.detach(id, c);
        Away a = away.get(id);
        if (a == null) {
            return; // ended meanwhile
        }
        drop(id);
        if (!another) {
            bus.ask(a.owner, new NodeMessage.SocketDetach(id, me(c), bus.node())).onFailure(e -> log.debug(
                    "could not tell node {} that {} left match {}: {}", a.owner, c.principal.playerId(), id, e.toString()));
        }
    }

    /** The owner of a match sockets here watch, as it was when they attached. */
    java.util.Optional<String> owner(MatchId id) {
        Away a = away.get(id);
        return a == null ? java.util.Optional.empty() : java.util.Optional.of(a.owner);
    }

    /** A push from an owner, on the bus's thread (in the order the owner sent them). */
    public void received(NodeMessage.Push push) {
        switch (push) {
            case NodeMessage.Frame f -> {
                Away a = away.get(f.game());
                if (a != null) {
                    a.tick = f.tick();
                }
                feed.deliver(f.game(), f.text());
            }
            case NodeMessage.End e -> {
                if (away.remove(e.game()) != null) {
                    bus.unwatch(e.game());
                }
                feed.deliverEnd(e.game(), e.text());
            }
            case NodeMessage.Refused r -> feed.deliverTo(r.game(), r.player(), r.text());
        }
    }

    /**
     * A match watched from here lost its owner (dead, stopped, or restarted under the same id): it ends for the
     * sockets here as abandoned ({@code owner_lost}).
     */
    public void ownerLost(MatchId id) {
        Away a = away.remove(id);
        if (a != null) {
            MatchResult lost = new MatchResult(new MatchResult.Abandoned(), List.of(), OWNER_LOST);
            feed.deliverEnd(id, new ServerMessage.MatchEnded(id, a.tick, lost).encode());
        }
    }

    private void hold(MatchId id, String owner) {
        away.compute(id, (k, a) -> {
            if (a == null) {
                a = new Away(owner);
                bus.watch(id, owner);
            }
            a.sockets++;
            return a;
        });
    }

    private void drop(MatchId id) {
        away.computeIfPresent(id, (k, a) -> {
            if (--a.sockets > 0) {
                return a;
            }
            bus.unwatch(id);
            return null;
        });
    }

    private static PlayerId me(Connection c) {
        return new PlayerId(c.principal.playerId());
    }
}
