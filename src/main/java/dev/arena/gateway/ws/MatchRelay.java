package dev.arena.gateway.ws;

import dev.arena.common.ArenaException;
import dev.arena.lobby.Lobby;
import dev.arena.match.MatchCodes;
import dev.arena.match.MatchDirectory;
import dev.arena.match.MatchId;
import dev.arena.match.MatchLoop;
import dev.arena.match.MatchResult;
import dev.arena.match.MatchStatus;
import dev.arena.match.Offer;
import dev.arena.match.PlayerId;
import dev.arena.cluster.NodeBus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code match.*} of sockets whose match runs on another node (a cluster; docs/CLUSTERING.md, "Match routing").
 * Both roles live here:
 * <ul>
 *   <li><b>Watcher</b> (the socket's node): {@code match.join/spectate/input/leave} and socket closes are sent to
 *   the owner as requests; the owner's frames arrive as messages and go to the local sockets through
 *   {@link MatchFeed#deliver}. When the owner is lost, its matches end here with an abandoned result
 *   ({@code owner_lost}).</li>
 *   <li><b>Owner</b>: runs those requests against its loops exactly as {@link MessageRouter} does for local sockets
 *   (same checks, same codes), remembers which players of which nodes watch each match, and sends each frame
 *   once to every such node (the text is the one {@link MatchFeed} serialised for its own sockets).</li>
 * </ul>
 * Messages (one-way, owner to watcher): {@code f|<match>|<tick>|<match.event>}, {@code e|<match>|<tick>|<match.end>},
 * {@code p|<match>|<player>|<error>}.
 */
public final class MatchRelay implements MatchFeed.Remote {
    private static final Logger log = LoggerFactory.getLogger(MatchRelay.class);
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
    private final MatchDirectory games;
    private final Lobby lobby;
    private final MatchFeed feed;
    /** This node's matches watched from other nodes: match → node → players attached there. */
    private final Map<MatchId, Map<String, Set<PlayerId>>> outside = new ConcurrentHashMap<>();
    /** Other nodes' matches watched from here. */
    private final Map<MatchId, Away> away = new ConcurrentHashMap<>();

    public MatchRelay(NodeBus bus, MatchDirectory games, Lobby lobby, MatchFeed feed) {
        this.bus = bus;
        this.games = games;
        this.lobby = lobby;
        this.feed = feed;
        feed.remote(this);
        bus.onMessage(this::received);
        bus.onNodeLost(this::nodeLost);
        bus.onGameLost(this::ownerLost);
        bus.serve("ws.attach", this::serveAttach);
        bus.serve("ws.input", this::serveInput);
        bus.serve("ws.leave", this::serveLeave);
        bus.serve("ws.detach", this::serveDetach);
        bus.serve("ws.ready", raw -> {
            JsonObject b = new JsonObject(raw);
            return lobby.ready(game(b), player(b), b.getBoolean("ready")).map("");
        });
    }

    // ---- watcher side: on the socket's event loop ------------------------------------------------------------

    void attach(Connection c, Object rid, MatchId id, boolean asPlayer) {
        bus.owner(id).onComplete(ar -> c.context.runOnContext(v -> {
            if (ar.failed()) {
                MessageRouter.fail(c, rid, ar.cause());
                return;
            }
            boolean added = c.matches.add(id);
            if (added) {
                hold(id, ar.result());
            }
            feed.attach(id, c);
            JsonObject body = command(c, id).put("rid", rid).put("as_player", asPlayer);
            bus.request(ar.result(), "ws.attach", body.encode()).onComplete(r -> c.context.runOnContext(w -> {
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
        }));
    }

    void input(Connection c, ClientMessage.MatchInput i) {
        JsonObject body = command(c, i.gameId()).put("attached", c.matches.contains(i.gameId()))
                .put("input", new JsonObject(i.input()));
        owner(i.gameId()).compose(o -> bus.request(o, "ws.input", body.encode()))
                .onFailure(e -> MessageRouter.fail(c, i.rid(), e));
    }

    /** {@code match.ready} of a lobby game of another node: an ack once the owner took it. */
    void ready(Connection c, ClientMessage.MatchReady r) {
        JsonObject body = command(c, r.gameId()).put("ready", r.ready());
        owner(r.gameId()).compose(o -> bus.request(o, "ws.ready", body.encode())).onComplete(ar -> {
            if (ar.failed()) {
                MessageRouter.fail(c, r.rid(), ar.cause());
            } else if (r.rid() != null) {
                c.send(new ServerMessage.Ack(r.rid(), null, null));
            }
        });
    }

    void leave(Connection c, ClientMessage.MatchLeave l) {
        MatchId id = l.gameId();
        Future<String> owner = owner(id);
        boolean attached = c.matches.remove(id);
        boolean another = attached && feed.detach(id, c);
        if (attached) {
            drop(id);
        }
        JsonObject body = command(c, id).put("attached", attached).put("last", attached && !another);
        owner.compose(o -> bus.request(o, "ws.leave", body.encode())).onComplete(ar -> {
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
            bus.request(a.owner, "ws.detach", command(c, id).encode()).onFailure(e -> log.debug(
                    "could not tell node {} that {} left match {}: {}", a.owner, c.principal.playerId(), id, e.toString()));
        }
    }

    private JsonObject command(Connection c, MatchId id) {
        return new JsonObject().put("game", id.value().toString()).put("player", c.principal.playerId().toString())
                .put("node", bus.node());
    }

    private Future<String> owner(MatchId id) {
        Away a = away.get(id);
        return a != null ? Future.succeededFuture(a.owner) : bus.owner(id);
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

    /** A message from an owner, on the bus's thread (in the order the owner sent them). */
    private void received(String message) {
        String[] parts = message.split("\\|", 4);
        MatchId id = new MatchId(UUID.fromString(parts[1]));
        switch (parts[0]) {
            case "f" -> {
                Away a = away.get(id);
                if (a != null) {
                    a.tick = Long.parseLong(parts[2]);
                }
                feed.deliver(id, parts[3]);
            }
            case "e" -> {
                if (away.remove(id) != null) {
                    bus.unwatch(id);
                }
                feed.deliverEnd(id, parts[3]);
            }
            case "p" -> feed.deliverTo(id, new PlayerId(UUID.fromString(parts[2])), parts[3]);
            default -> log.warn("unknown match relay message kind {}", parts[0]);
        }
    }

    /**
     * A match watched from here lost its owner (dead, stopped, or restarted under the same id): it ends for the
     * sockets here as abandoned ({@code owner_lost}). There is no migration: the state lived only on the owner.
     */
    private void ownerLost(MatchId id) {
        Away a = away.remove(id);
        if (a != null) {
            MatchResult lost = new MatchResult(new MatchResult.Abandoned(), List.of(), OWNER_LOST);
            feed.deliverEnd(id, new ServerMessage.MatchEnded(id, a.tick, lost).encode());
        }
    }

    /**
     * A node watching this node's matches is gone: its players are disconnected (the reconnect grace starts)
     * unless they watch from elsewhere.
     */
    private void nodeLost(String node) {
        for (Map.Entry<MatchId, Map<String, Set<PlayerId>>> e : outside.entrySet()) {
            Set<PlayerId> players = e.getValue().remove(node);
            if (players != null) {
                outside.computeIfPresent(e.getKey(), (k, nodes) -> nodes.isEmpty() ? null : nodes);
                players.forEach(p -> letGo(e.getKey(), p));
            }
        }
    }

    // ---- owner side: requests on the bus's thread; frames on each match's context ------------------------------

    @Override
    public boolean watched(MatchId match) {
        return outside.containsKey(match);
    }

    @Override
    public void frame(MatchId match, long tick, String text) {
        Map<String, Set<PlayerId>> nodes = outside.get(match);
        if (nodes != null) {
            String message = "f|" + match.value() + "|" + tick + "|" + text;
            nodes.keySet().forEach(n -> bus.send(n, message));
        }
    }

    @Override
    public void ended(MatchId match, long tick, String text) {
        Map<String, Set<PlayerId>> nodes = outside.remove(match);
        if (nodes != null) {
            String message = "e|" + match.value() + "|" + tick + "|" + text;
            nodes.keySet().forEach(n -> {
                bus.send(n, message);
                bus.unwatch(n);
            });
        }
    }

    @Override
    public void rejected(MatchId match, PlayerId player, String text) {
        Map<String, Set<PlayerId>> nodes = outside.get(match);
        if (nodes != null) {
            String message = "p|" + match.value() + "|" + player.value() + "|" + text;
            nodes.forEach((n, players) -> {
                if (players.contains(player)) {
                    bus.send(n, message);
                }
            });
        }
    }

    /** Whether a socket of another node watches the match as {@code player} (then a local close is no disconnect). */
    boolean watchedOutside(MatchId match, PlayerId player) {
        Map<String, Set<PlayerId>> nodes = outside.get(match);
        return nodes != null && nodes.values().stream().anyMatch(s -> s.contains(player));
    }

    private Future<String> serveAttach(String raw) {
        JsonObject b = new JsonObject(raw);
        MatchId id = game(b);
        PlayerId p = player(b);
        boolean asPlayer = b.getBoolean("as_player");
        MatchLoop<?, ?, ?> loop = running(id);
        if (asPlayer && !MatchDirectory.seated(loop, p)) {
            throw new ArenaException.Rejected(MatchCodes.NOT_PARTICIPANT,
                    "join the game over HTTP first (POST /games/" + id + "/join)");
        }
        String from = b.getString("node");
        boolean added = watch(id, from, p);
        Object rid = b.getValue("rid");
        return (asPlayer ? loop.join(p) : loop.spectate(p)).map(view -> ServerMessage.MatchState.of(rid, view).encode())
                .onFailure(e -> {
                    if (added) {
                        unwatch(id, from, p);
                    }
                });
    }

    private Future<String> serveInput(String raw) {
        JsonObject b = new JsonObject(raw);
        MatchLoop<?, ?, ?> loop = running(game(b));
        if (!b.getBoolean("attached")) {
            throw new ArenaException.Rejected(MatchCodes.NOT_PARTICIPANT, "send match.join first");
        }
        if (loop.offerInput(player(b), b.getJsonObject("input").getMap()) instanceof Offer.Refused r) {
            throw new ArenaException.Rejected(r.code(), r.message());
        }
        return Future.succeededFuture("");
    }

    private Future<String> serveLeave(String raw) {
        JsonObject b = new JsonObject(raw);
        MatchId id = game(b);
        PlayerId p = player(b);
        if (b.getBoolean("last")) {
            unwatch(id, b.getString("node"), p);
        }
        MatchLoop<?, ?, ?> loop = running(id);
        if (MatchDirectory.seated(loop, p)) {
            return loop.leave(p).map("");
        }
        if (!b.getBoolean("attached")) {
            throw new ArenaException.Rejected(MatchCodes.NOT_PARTICIPANT, "not in game " + id);
        }
        loop.unspectate(p);
        return Future.succeededFuture("");
    }

    private Future<String> serveDetach(String raw) {
        JsonObject b = new JsonObject(raw);
        MatchId id = game(b);
        PlayerId p = player(b);
        unwatch(id, b.getString("node"), p);
        letGo(id, p);
        return Future.succeededFuture("");
    }

    /** The player watches the match nowhere any more: disconnected when seated (the grace starts), else unspectated. */
    private void letGo(MatchId id, PlayerId p) {
        games.live(id).ifPresent(loop -> {
            if (feed.watching(id, p) || watchedOutside(id, p)) {
                return;
            }
            if (MatchDirectory.seated(loop, p)) {
                loop.disconnected(p);
            } else {
                loop.unspectate(p);
            }
        });
    }

    /** The running match, as {@link MessageRouter} finds it: {@code not_found}, or {@code ended} once finished. */
    private MatchLoop<?, ?, ?> running(MatchId id) {
        var loop = games.live(id);
        if (loop.isPresent() && loop.get().status() != MatchStatus.FINISHED) {
            return loop.get();
        }
        games.require(id);
        throw new ArenaException.Rejected(MatchCodes.ENDED, "game " + id + " has finished");
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

    private static MatchId game(JsonObject b) {
        return new MatchId(UUID.fromString(b.getString("game")));
    }

    private static PlayerId player(JsonObject b) {
        return new PlayerId(UUID.fromString(b.getString("player")));
    }
}
