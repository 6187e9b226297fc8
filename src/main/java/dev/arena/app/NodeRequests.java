package dev.arena.app;

import dev.arena.cluster.NodeMessage;
import dev.arena.common.Json;
import dev.arena.gateway.http.MatchBody;
import dev.arena.gateway.ws.RelayOwner;
import dev.arena.lobby.ClusterLobby;
import dev.arena.match.Answer;
import dev.arena.match.LocalMatchCommands;
import dev.arena.match.HostedMatches;
import dev.arena.tournament.TournamentService;
import io.vertx.core.Future;
import java.util.function.Function;

/**
 * This node's answers to every request another node sends it (the one switch over {@link NodeMessage.Request}):
 * commands on its own games run through {@link LocalMatchCommands}, with the same checks as for its own clients,
 * and answer in the form the asking node's edge passes on.
 */
final class NodeRequests implements Function<NodeMessage.Request, Future<String>> {
    private final LocalMatchCommands here;
    private final RelayOwner relay;
    private final ClusterLobby lobby;
    private final TournamentService tournaments;

    NodeRequests(LocalMatchCommands here, RelayOwner relay, ClusterLobby lobby, TournamentService tournaments) {
        this.here = here;
        this.relay = relay;
        this.lobby = lobby;
        this.tournaments = tournaments;
    }

    @Override
    public Future<String> apply(NodeMessage.Request request) {
        return switch (request) {
            case NodeMessage.MatchState s -> game(here.state(s.game(), s.player(), s.staff()));
            case NodeMessage.MatchJoin j -> game(here.join(j.game(), j.player(), j.joinCode()));
            case NodeMessage.MatchLeave l -> game(here.leave(l.game(), l.player()));
            case NodeMessage.MatchReady r -> game(here.ready(r.game(), r.player(), r.ready()));
            case NodeMessage.MatchStart s -> game(here.start(s.game(), s.player(), s.force()));
            case NodeMessage.MatchKick k -> game(here.kick(k.game(), k.player(), k.target()));
            case NodeMessage.MatchFinish f -> here.finish(f.game(), f.player(), f.result())
                    .map(a -> a.fold(r -> MatchBody.finished(f.game(), r), json -> json));
            case NodeMessage.MatchList l -> Future.succeededFuture(
                    MatchBody.json(here.matches().list(l.mode(), l.status(), l.watchable())));
            case NodeMessage.LobbyList l -> Future.succeededFuture(lobby.answer(l));
            case NodeMessage.Overview o -> Future.succeededFuture(Json.encodeToString(here.matches().overview(o.mode())));
            case NodeMessage.SocketAttach a -> relay.attach(a);
            case NodeMessage.SocketInput i -> relay.input(i);
            case NodeMessage.SocketLeave l -> relay.leave(l);
            case NodeMessage.SocketDetach d -> relay.detach(d);
            case NodeMessage.Seats s -> Future.succeededFuture(tournaments.seatsHere(s.game()));
            case NodeMessage.MatchInspect i -> here.inspect(i.game(), i.player())
                    .map(a -> a.fold(Json::encodeToString, json -> json));
            case NodeMessage.MatchStop s -> here.stop(s.game(), s.reason()).map(Json::encodeToString);
        };
    }

    private static Future<String> game(Future<Answer<HostedMatches.HostedMatch>> answer) {
        return answer.map(a -> a.fold(MatchBody::json, json -> json));
    }
}
