package dev.arena.lobby;

import dev.arena.cluster.NodeBus;
import dev.arena.cluster.NodeMessage;
import dev.arena.match.MatchStatus;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /lobby/games} on a cluster: every other live node is asked for its open games matching the filters
 * ({@link NodeMessage.LobbyList} over the {@link NodeBus}), the answers are merged with this node's and then sorted and
 * paged as on a single node. A node that does not answer is left out (and logged): a lobby list that waits for
 * a dead node would be worse than one that misses its games for a few seconds.
 */
public final class ClusterLobby {
    private static final Logger log = LoggerFactory.getLogger(ClusterLobby.class);

    private final NodeBus bus;
    private final Lobby lobby;

    public ClusterLobby(NodeBus bus, Lobby lobby) {
        this.bus = bus;
        this.lobby = lobby;
    }

    /** This node's answer to another node's list request: its open games matching the filters. */
    public String answer(NodeMessage.LobbyList ask) {
        return LobbyWire.games(lobby.matching(new Lobby.Query(ask.mode(), ask.region(), ask.hasSpace(),
                Lobby.MAX_LIMIT, 0)));
    }

    /**
     * The open games and live matches of every other live node that answers both questions, by node (the lobby
     * mirror's resync). Live matches are asked as {@code GET /games?status=running&watchable=true} lists them.
     */
    Future<Map<String, List<Listing>>> others() {
        NodeMessage.LobbyList open = new NodeMessage.LobbyList(null, null, false);
        NodeMessage.MatchList live = new NodeMessage.MatchList(null, MatchStatus.RUNNING, true);
        return bus.peers().compose(peers -> {
            Map<String, Future<List<Listing>>> answers = new LinkedHashMap<>();
            for (String peer : peers) {
                Future<List<LobbyMatch>> games = bus.ask(peer, open).map(LobbyWire::games);
                Future<List<LiveMatch>> matches = bus.ask(peer, live).map(LobbyWire::live);
                answers.put(peer, Future.all(games, matches).map(both -> {
                    List<Listing> all = new ArrayList<>(games.result());
                    all.addAll(matches.result());
                    return all;
                }));
            }
            return Future.join(List.copyOf(answers.values())).transform(ar -> {
                Map<String, List<Listing>> out = new HashMap<>();
                answers.forEach((peer, f) -> {
                    if (f.succeeded()) {
                        out.put(peer, f.result());
                    } else {
                        log.warn("lobby resync: node {} did not answer ({})", peer, f.cause().toString());
                    }
                });
                return Future.succeededFuture(out);
            });
        });
    }

    /** The other live nodes. */
    Future<List<String>> peers() {
        return bus.peers();
    }

    /** One page of the open games of every live node. */
    public Future<Lobby.Page> list(Lobby.Query q) {
        NodeMessage.LobbyList ask = new NodeMessage.LobbyList(q.mode(), q.region(), q.hasSpace());
        return bus.peers().compose(peers -> {
            List<Future<List<LobbyMatch>>> answers = new ArrayList<>();
            for (String peer : peers) {
                answers.add(bus.ask(peer, ask).map(LobbyWire::games).otherwise(e -> {
                    log.warn("lobby list: node {} did not answer ({}); its games are left out", peer, e.toString());
                    return List.of();
                }));
            }
            return Future.all(answers).map(all -> {
                List<LobbyMatch> games = new ArrayList<>(lobby.matching(q));
                answers.forEach(f -> games.addAll(f.result()));
                return Lobby.page(games, q);
            });
        });
    }
}
