package dev.arena.gateway.ws;

import dev.arena.config.WsLimits;
import dev.arena.chat.ChatService;
import dev.arena.identity.IdentityService;
import dev.arena.lobby.Lobby;
import dev.arena.lobby.LobbyTracker;
import dev.arena.match.MatchDirectory;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.player.PlayerService;
import dev.arena.room.RoomRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** The node-wide parts every event loop's {@link GatewaySockets} shares. Built once by the node. */
public final class Realtime {
    final IdentityService identity;
    final PlayerService players;
    final RoomRegistry rooms;
    final ChatService chat;
    final WsLimits limits;
    final Clock clock;
    final String node;
    final GatewayMetrics metrics;
    final MessageRouter router;
    final MatchDirectory games;
    final MatchFeed matchFeed;
    final LobbyFeed lobbyFeed;
    final Matchmaking matchmaking;

    /** @param matchRelay matches run by other nodes */
    public Realtime(IdentityService identity, PlayerService players, RoomRegistry rooms, ChatService chat,
                    WsLimits limits, Clock clock, String node, MeterRegistry meters,
                    MatchDirectory games, MatchFeed matchFeed, Lobby lobby, LobbyTracker lobbyTracker,
                    Matchmaking matchmaking, MatchRelay matchRelay) {
        this.identity = identity;
        this.players = players;
        this.rooms = rooms;
        this.chat = chat;
        this.limits = limits;
        this.clock = clock;
        this.node = node;
        this.metrics = new GatewayMetrics(meters, rooms, clock);
        this.games = games;
        this.matchFeed = matchFeed;
        this.lobbyFeed = new LobbyFeed(lobbyTracker, LobbyFeed.MAX_SUBSCRIBERS);
        this.matchmaking = matchmaking;
        this.router = new MessageRouter(rooms, chat, clock, games, matchFeed, lobby, lobbyFeed, matchmaking,
                matchRelay);
        rooms.listener(metrics);
    }

    public WsLimits limits() {
        return limits;
    }
}
