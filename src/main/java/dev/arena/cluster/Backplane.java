package dev.arena.cluster;

import dev.arena.chat.ChatStore;
import dev.arena.chat.ModerationCache;
import dev.arena.leaderboard.LeaderboardIndex;
import dev.arena.lobby.LobbyChannel;
import dev.arena.match.JoinCodes;
import dev.arena.match.LocalMatchCommands;
import dev.arena.match.MatchCommands;
import dev.arena.matchmaking.service.MatcherLease;
import dev.arena.matchmaking.service.PartyStore;
import dev.arena.matchmaking.service.PlayerSessions;
import dev.arena.matchmaking.service.TicketStore;
import dev.arena.presence.PresenceStore;
import dev.arena.room.RoomStream;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Everything a node shares with the other nodes of its cluster: the one seam where single node and cluster
 * differ. The node picks one implementation at start ({@code storage.local.LocalBackplane} in-process,
 * {@code storage.redis.RedisBackplane} through Redis; docs/CLUSTERING.md) and builds everything else from it, so
 * no other class asks whether it runs alone. A new backplane implements this interface; the contract suites under
 * {@code src/test/.../storage} (room stream, presence, leaderboard index, tickets, parties) run against each one.
 *
 * <p>Lifecycle: created started (its connections up), then {@link #join} once the node can deliver presence
 * events; at shutdown {@link #leave} (after the sockets have left their rooms) and {@link #close}; {@link #halt}
 * stops without cleaning up, as a crash would.
 */
public interface Backplane {

    /** This node's id. */
    String node();

    /** Room events: sequencing, the resume buffer and the fan-out to every node with members in the room. */
    RoomStream roomStream();

    /** Who is in which room, on every node. */
    PresenceStore presence();

    /**
     * The chat restrictions in force, loaded from {@code store} before it completes and kept in step with the
     * other nodes' changes.
     */
    Future<ModerationCache> moderation(ChatStore store);

    /** The ranked index behind the leaderboards. */
    LeaderboardIndex leaderboard();

    /**
     * Whether the leaderboard index outlives this process (shared with other nodes): the start then rebuilds a
     * board from PostgreSQL only when its size differs.
     */
    boolean leaderboardShared();

    /**
     * Runs {@code hook} (on any thread) each time the shared state lost its data while this node ran (Redis came
     * back empty), so the node fills again what only it can rebuild from PostgreSQL, the leaderboards. Never for
     * the in-process backplane, whose data lives and dies with the process.
     */
    void onDataLost(Runnable hook);

    /** The game directory (who owns which game) and the node-to-node bus that reaches the owners. */
    NodeBus nodes();

    /**
     * The commands on games as this node runs them: {@code here} alone on a single node (the bus is never asked),
     * routed to each game's owner on a cluster.
     */
    MatchCommands matchCommands(LocalMatchCommands here);

    /** Every node's dashboard samples (docs/CONSOLE.md). */
    dev.arena.metrics.MetricsExchange metrics();

    /** Session revocations (logout, ban, role change) heard by every node within a second; ready when completed. */
    Future<dev.arena.identity.SessionRevocations> sessionRevocations();

    /** "This player's profile changed", heard by every node (their profile caches); ready when completed. */
    Future<dev.arena.player.ProfileChanges> profileChanges();

    /** Join codes unique across every node, and found from any node. */
    JoinCodes joinCodes();

    /** Every node's lobby changes; subscribed when the future completes. */
    Future<LobbyChannel> lobby();

    /** Matchmaking tickets; finished ones are kept {@code retention}. */
    TicketStore tickets(Duration retention);

    PartyStore parties();

    /** The lease that lets one node at a time run each mode's matcher. */
    MatcherLease matcherLease(Duration ttl);

    /** The count of gateway sockets per player over every node (matchmaking's disconnect grace). */
    Future<PlayerSessions> playerSessions();

    /** The node takes part: registered, heartbeat and sweeps started. */
    Future<Void> join();

    /** Readiness: what the backplane needs is reachable. */
    Future<Void> ready();

    /** Graceful stop: the last messages out, this node's shared state removed and announced. */
    Future<Void> leave();

    /** Stops heartbeats and timers without cleaning anything up (a crash; tests use it). */
    void halt();

    Future<Void> close();
}
