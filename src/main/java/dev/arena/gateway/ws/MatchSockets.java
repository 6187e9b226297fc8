package dev.arena.gateway.ws;

import dev.arena.common.PlayerId;
import dev.arena.match.LocalMatchCommands;
import dev.arena.match.MatchCommands;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import io.vertx.core.Future;

/**
 * The {@code match.*} messages of this node's sockets, on each socket's event loop. A match this node runs is
 * attached here (its frames come from {@link MatchFeed}); any other is found through {@link MatchCommands#owner}
 * (on a single node: nowhere, {@code not_found}) and watched through the {@link RelayWatcher}. The checks and
 * refusals are {@link LocalMatchCommands}', the same for sockets of every node.
 */
public final class MatchSockets {
    private final LocalMatchCommands here;
    private final MatchCommands commands;
    private final MatchFeed feed;
    private final RelayWatcher watcher;
    private final RelayOwner owner;

    public MatchSockets(LocalMatchCommands here, MatchCommands commands, MatchFeed feed, RelayWatcher watcher,
                        RelayOwner owner) {
        this.here = here;
        this.commands = commands;
        this.feed = feed;
        this.watcher = watcher;
        this.owner = owner;
    }

    MatchCommands commands() {
        return commands;
    }

    /**
     * Attaches the socket to the match's frames, then joins (only a player seated over HTTP: a first join or a
     * reconnect) or spectates; the reply is the full snapshot. Frames of ticks up to the snapshot's may arrive
     * before it: clients apply only frames whose tick is greater.
     */
    void attach(Connection c, Object rid, MatchId id, boolean asPlayer) {
        if (!local(id)) {
            commands.owner(id).onComplete(ar -> c.context.runOnContext(v -> {
                if (ar.failed()) {
                    MessageRouter.fail(c, rid, ar.cause());
                } else {
                    watcher.attach(c, rid, id, asPlayer, ar.result());
                }
            }));
            return;
        }
        PlayerId me = me(c);
        MatchLoop<?, ?, ?> loop;
        try {
            loop = here.attachable(id, me, c.principal.role().mayWatchPrivateGames(), asPlayer);
        } catch (RuntimeException e) {
            MessageRouter.fail(c, rid, e);
            return;
        }
        boolean added = c.matches.add(id);
        feed.attach(id, c);
        LocalMatchCommands.enter(loop, me, asPlayer).onComplete(ar -> {
            if (ar.succeeded()) {
                c.send(ServerMessage.MatchState.of(rid, ar.result()));
            } else {
                c.context.runOnContext(v -> {
                    if (added) {
                        c.matches.remove(id);
                        feed.detach(id, c);
                    }
                    MessageRouter.fail(c, rid, ar.cause());
                });
            }
        });
    }

    void input(Connection c, ClientMessage.MatchInput i) {
        if (!local(i.gameId())) {
            watcher.input(c, i, ownerOf(i.gameId()));
            return;
        }
        try {
            here.input(i.gameId(), me(c), c.matches.contains(i.gameId()), i.input(), i.seq());
        } catch (RuntimeException e) {
            MessageRouter.fail(c, i.rid(), e);
        }
    }

    /** Leaves the match for good when seated (a forfeit once running), else stops spectating. */
    void leave(Connection c, ClientMessage.MatchLeave l) {
        MatchId id = l.gameId();
        if (!local(id)) {
            watcher.leave(c, l, ownerOf(id));
            return;
        }
        boolean attached = c.matches.remove(id);
        if (attached) {
            feed.detach(id, c);
        }
        here.leaveBySocket(id, me(c), attached).onComplete(ar -> {
            if (ar.succeeded()) {
                c.send(new ServerMessage.MatchLeft(l.rid(), id));
            } else {
                MessageRouter.fail(c, l.rid(), ar.cause());
            }
        });
    }

    /** {@code match.ready} of a lobby game (of any node): an ack once its loop took it. */
    Future<?> ready(Connection c, ClientMessage.MatchReady r) {
        return commands.ready(r.gameId(), me(c), r.ready());
    }

    /**
     * The socket closed (or left): a seated player with no other socket on the match, here or on another node,
     * is disconnected (the match's reconnect grace applies); a spectator stops watching.
     */
    void detach(Connection c, MatchId id) {
        if (!local(id)) {
            watcher.detach(c, id);
            return;
        }
        c.matches.remove(id);
        boolean another = feed.detach(id, c);
        PlayerId me = me(c);
        if (!another && !owner.watchedOutside(id, me)) {
            here.letGo(id, me);
        }
    }

    /** Whether this node runs the match (or finished it moments ago). */
    private boolean local(MatchId id) {
        return here.matches().known(id);
    }

    /** The owner as the sockets here found it when they attached, else as the commands find it. */
    private Future<String> ownerOf(MatchId id) {
        return watcher.owner(id).map(Future::succeededFuture).orElseGet(() -> commands.owner(id));
    }

    private static PlayerId me(Connection c) {
        return new PlayerId(c.principal.playerId());
    }
}
