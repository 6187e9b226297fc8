package dev.arena.gateway.ws;

import dev.arena.chat.ChatService;
import dev.arena.config.WsLimits;
import dev.arena.identity.IdentityService;
import dev.arena.lobby.LobbyTracker;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.room.RoomRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** The node-wide parts every event loop's {@link GatewaySockets} shares. Built once by the node. */
public final class Realtime {
    final IdentityService identity;
    final RoomRegistry rooms;
    final WsLimits limits;
    final Clock clock;
    final String node;
    final GatewayMetrics metrics;
    final MessageRouter router;
    final Matchmaking matchmaking;

    /**
     * @param matches the {@code match.*} messages (this node's matches and, on a cluster, other nodes')
     * @param lobby   the lobby's live changes, for the {@code lobby} topic
     */
    public Realtime(IdentityService identity, RoomRegistry rooms, ChatService chat, WsLimits limits, Clock clock,
                    String node, MeterRegistry meters, MatchSockets matches, LobbyTracker lobby,
                    Matchmaking matchmaking) {
        this.identity = identity;
        this.rooms = rooms;
        this.limits = limits;
        this.clock = clock;
        this.node = node;
        this.metrics = new GatewayMetrics(meters, rooms, clock);
        this.matchmaking = matchmaking;
        this.router = new MessageRouter(rooms, chat, clock, matches, new LobbyFeed(lobby, LobbyFeed.MAX_SUBSCRIBERS),
                matchmaking);
        rooms.listener(metrics);
    }

    public WsLimits limits() {
        return limits;
    }
}
