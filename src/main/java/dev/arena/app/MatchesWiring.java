package dev.arena.app;

import dev.arena.cluster.Backplane;
import dev.arena.cluster.NodeBus;
import dev.arena.gateway.ws.MatchFeed;
import dev.arena.gateway.ws.MatchSockets;
import dev.arena.gateway.ws.RelayOwner;
import dev.arena.gateway.ws.RelayWatcher;
import dev.arena.lobby.ClusterLobby;
import dev.arena.lobby.Lobby;
import dev.arena.lobby.LobbyTracker;
import dev.arena.match.LocalMatchCommands;
import dev.arena.match.MatchCommands;
import dev.arena.match.HostedMatches;
import dev.arena.match.MatchRegistry;
import dev.arena.tournament.TournamentService;
import java.time.Duration;

/**
 * The node's games and everything that reaches them: the directory over its matches, the commands (this node's
 * alone, or routed to each game's owner on a cluster: the backplane's choice), the lobby, and the match relay's two
 * sides. Games are recorded in the backplane's directory and claim their join codes there.
 */
final class MatchesWiring {
    final HostedMatches matches;
    final LocalMatchCommands here;
    final MatchCommands commands;
    final Lobby lobby;
    final ClusterLobby lobbies;
    final MatchSockets sockets;
    private final NodeBus nodes;
    private final RelayOwner relayOwner;
    private final RelayWatcher relayWatcher;

    MatchesWiring(MatchRegistry registry, MatchFeed feed, LobbyTracker tracker, Backplane backplane, String node,
                  Duration nodeTtl, dev.arena.match.StoredResults results, io.vertx.core.Vertx vertx) {
        nodes = backplane.nodes();
        matches = new HostedMatches(registry, node, backplane.joinCodes(), nodes::track);
        lobby = new Lobby(matches);
        tracker.watch(lobby);
        here = new LocalMatchCommands(matches, results, vertx);
        commands = backplane.matchCommands(here);
        relayOwner = new RelayOwner(here, feed, nodes);
        feed.remote(relayOwner);
        relayWatcher = new RelayWatcher(nodes, feed);
        sockets = new MatchSockets(here, commands, feed, relayWatcher, relayOwner);
        lobbies = new ClusterLobby(nodes, lobby);
        tracker.connect(Wiring.await(backplane.lobby()), lobbies, nodeTtl);
    }

    /** What other nodes ask and send this one, answered from now on (once every answering service exists). */
    void answerNodes(TournamentService tournaments) {
        nodes.answer(new NodeRequests(here, relayOwner, lobbies, tournaments));
        nodes.onPush(relayWatcher::received);
        nodes.onMatchLost(relayWatcher::ownerLost);
        nodes.onNodeLost(relayOwner::nodeLost);
    }
}
