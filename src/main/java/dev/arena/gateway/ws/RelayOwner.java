package dev.arena.gateway.ws;

import dev.arena.cluster.NodeBus;
import dev.arena.cluster.NodeMessage;
import dev.arena.common.PlayerId;
import dev.arena.match.InputAck;
import dev.arena.match.LocalMatchCommands;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The owner's side of the match relay (a cluster; docs/CLUSTERING.md, "Match routing"): runs the socket commands
 * other nodes send for this node's matches with the same checks as for its own sockets ({@link LocalMatchCommands}),
 * remembers which players of which nodes watch each match, and sends each frame once to every such node (the text
 * {@link MatchFeed} serialised for its own sockets). Requests arrive on the bus's thread; frames on each match's
 * context.
 */
public final class RelayOwner implements MatchFeed.Remote {
    private final LocalMatchCommands here;
    private final MatchFeed feed;
    private final NodeBus bus;
    /** This node's matches watched from other nodes: match → node → players attached there. */
    private final Map<MatchId, Map<String, Set<PlayerId>>> outside = new ConcurrentHashMap<>();

    public RelayOwner(LocalMatchCommands here, MatchFeed feed, NodeBus bus) {
        this.here = here;
        this.feed = feed;
        this.bus = bus;
    }

    /** Answers {@link NodeMessage.SocketAttach} with the {@code match.state} text. */
    public Future<String> attach(NodeMessage.SocketAttach a) {
        MatchLoop<?, ?, ?> loop = here.attachable(a.game(), a.player(), a.staff(), a.asPlayer());
        boolean added = watch(a.game(), a.node(), a.player());
        return LocalMatchCommands.enter(loop, a.player(), a.asPlayer())
                .map(view -> ServerMessage.MatchState.of(a.rid(), view).encode())
                .onFailure(e -> {
                    if (added) {
                        unwatch(a.game(), a.node(), a.player());
                    }
                });
    }

    public Future<String> input(NodeMessage.SocketInput i) {
        here.input(i.game(), i.player(), i.attached(), i.input(), i.seq() == null ? InputAck.NONE : i.seq());
        return Future.succeededFuture("");
    }

    public Future<String> leave(NodeMessage.SocketLeave l) {
        if (l.last()) {
            unwatch(l.game(), l.node(), l.player());
        }
        return here.leaveBySocket(l.game(), l.player(), l.attached()).map("");
    }

    public Future<String> detach(NodeMessage.SocketDetach d) {
        unwatch(d.game(), d.node(), d.player());
        letGo(d.game(), d.player());
        return Future.succeededFuture("");
    }

    /**
     * A node watching this node's matches is gone: its players are disconnected (the reconnect grace starts)
     * unless they watch from elsewhere.
     */
    public void nodeLost(String node) {
        for (Map.Entry<MatchId, Map<String, Set<PlayerId>>> e : outside.entrySet()) {
            Set<PlayerId> players = e.getValue().remove(node);
            if (players != null) {
                outside.computeIfPresent(e.getKey(), (k, nodes) -> nodes.isEmpty() ? null : nodes);
                players.forEach(p -> letGo(e.getKey(), p));
            }
        }
    }

    /** The player watches the match nowhere any more: disconnected when seated, else unspectated. */
    private void letGo(MatchId id, PlayerId p) {
        if (!feed.watching(id, p) && !watchedOutside(id, p)) {
            here.letGo(id, p);
        }
    }

    @Override
    public boolean watched(MatchId match) {
        return outside.containsKey(match);
    }

    @Override
    public void frame(MatchId match, long tick, String text) {
        Map<String, Set<PlayerId>> nodes = outside.get(match);
        if (nodes != null) {
            NodeMessage.Frame frame = new NodeMessage.Frame(match, tick, text);
            nodes.keySet().forEach(n -> bus.tell(n, frame));
        }
    }

    @Override
    public void ended(MatchId match, long tick, String text) {
        Map<String, Set<PlayerId>> nodes = outside.remove(match);
        if (nodes != null) {
            NodeMessage.End end = new NodeMessage.End(match, tick, text);
            nodes.keySet().forEach(n -> {
                bus.tell(n, end);
                bus.unwatch(n);
            });
        }
    }

    @Override
    public void rejected(MatchId match, PlayerId player, String text) {
        Map<String, Set<PlayerId>> nodes = outside.get(match);
        if (nodes != null) {
            NodeMessage.Refused refused = new NodeMessage.Refused(match, player, text);
            nodes.forEach((n, players) -> {
                if (players.contains(player)) {
                    bus.tell(n, refused);
                }
            });
        }
    }

    /** Whether a socket of another node watches the match as {@code player} (then a local close is no disconnect). */
    boolean watchedOutside(MatchId match, PlayerId player) {
        Map<String, Set<PlayerId>> nodes = outside.get(match);
        return nodes != null && nodes.values().stream().anyMatch(s -> s.contains(player));
    }

    private boolean watch(MatchId id, String node, PlayerId p) {
        boolean[] added = new boolean[2];
        outside.compute(id, (k, nodes) -> {
            Map<String, Set<PlayerId>> n = nodes == null ? new ConcurrentHashMap<>() : nodes;
            added[0] = n.computeIfAbsent(node, x -> {
                added[1] = true;
                return ConcurrentHashMap.newKeySet();
            }).add(p);
            return n;
        });
        if (added[1]) {
            bus.watch(node);
        }
        return added[0];
    }

    private void unwatch(MatchId id, String node, PlayerId p) {
        outside.computeIfPresent(id, (k, nodes) -> {
            Set<PlayerId> players = nodes.get(node);
            if (players != null && players.remove(p) && players.isEmpty()) {
                nodes.remove(node);
                bus.unwatch(node);
            }
            return nodes.isEmpty() ? null : nodes;
        });
    }
}
