package dev.arena.app;

import dev.arena.cluster.Backplane;
import dev.arena.config.ArenaConfig;
import dev.arena.config.ConfigException;
import dev.arena.config.MatchmakingConfig;
import dev.arena.match.HostedMatches;
import dev.arena.matchmaking.service.DisconnectWatch;
import dev.arena.matchmaking.service.MatchLauncher;
import dev.arena.matchmaking.service.Matcher;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.matchmaking.service.MatchmakingMetrics;
import dev.arena.matchmaking.service.PartyService;
import dev.arena.matchmaking.service.PlayerPush;
import dev.arena.matchmaking.service.TicketStore;
import dev.arena.rating.RatingSource;
import dev.arena.room.RoomEvent;
import dev.arena.room.RoomStream;
import dev.arena.room.Rooms;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import java.time.Clock;
import java.util.List;

/**
 * Matchmaking: tickets, parties, the matcher's lease and the socket counts from the backplane (in-process on a
 * single node, in Redis on a cluster, where the lease lets one node at a time run each mode's matcher). Stored
 * Glicko-2 ratings are read when a ticket is queued. Pushes (mm.*, party.*) take the players' private rooms, the path
 * of direct messages, so they reach any node.
 */
final class MatchmakingWiring {

    private MatchmakingWiring() {}

    static Matchmaking build(ArenaConfig config, Clock clock, Backplane backplane, HostedMatches matches,
                             RoomStream stream, RatingSource ratings, MeterRegistry meters, Context context) {
        MatchmakingConfig mm = config.matchmaking();
        for (var q : mm.queues()) {
            if (matches.registry().games().find(q.mode()).isEmpty()) {
                throw new ConfigException(List.of("ARENA_MM_QUEUES: " + q.mode() + " is not a game mode"));
            }
        }
        PlayerPush push = (player, frame) -> stream.broadcast(new RoomEvent.Notice(Rooms.user(player), frame,
                clock.instant()));
        TicketStore tickets = backplane.tickets(mm.ticketRetention());
        Matcher matcher = new Matcher(tickets, backplane.matcherLease(mm.leaseTtl()), mm.queues(),
                new MatchLauncher(tickets, matches, push, config.nodeId()), config.nodeId());
        // sockets counted across the cluster: the disconnect grace asks every node (docs/MATCHMAKING.md)
        var sessions = Wiring.await(backplane.playerSessions());
        Matchmaking service = new Matchmaking(tickets, new PartyService(backplane.parties(), tickets, push, clock),
                ratings, mm.queues(), matcher, push, new DisconnectWatch(clock, mm.disconnectGrace(), sessions),
                clock, context);
        MatchmakingMetrics.register(meters, service);
        return service;
    }
}
