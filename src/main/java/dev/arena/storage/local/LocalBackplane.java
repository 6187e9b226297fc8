package dev.arena.storage.local;

import dev.arena.chat.ChatStore;
import dev.arena.chat.ModerationCache;
import dev.arena.cluster.Backplane;
import dev.arena.cluster.NodeBus;
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
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * The backplane of a node that runs alone: every seam in-process. The room stream's buffers are swept once a
 * minute on a worker (O(rooms), so no socket's event loop pays for it).
 */
public final class LocalBackplane implements Backplane {
    private final Vertx vertx;
    private final String node;
    private final Clock clock;
    private final LocalRoomStream stream;
    private final LocalPresenceStore presence = new LocalPresenceStore();
    private final LocalLeaderboardIndex leaderboard = new LocalLeaderboardIndex();
    private final LocalNodeBus nodes;
    private final long sweepTimer;

    private LocalBackplane(Vertx vertx, String node, int resumeBuffer, Duration resumeWindow, Clock clock) {
        this.vertx = vertx;
        this.node = node;
        this.clock = clock;
        this.stream = new LocalRoomStream(resumeBuffer, resumeWindow, clock);
        this.nodes = new LocalNodeBus(node);
        this.sweepTimer = vertx.setPeriodic(LocalRoomStream.SWEEP_INTERVAL.toMillis(),
                t -> vertx.executeBlocking(() -> {
                    stream.sweep();
                    return null;
                }, false));
    }

    public static Future<Backplane> start(Vertx vertx, String node, int resumeBuffer, Duration resumeWindow,
                                          Clock clock) {
        return Future.succeededFuture(new LocalBackplane(vertx, node, resumeBuffer, resumeWindow, clock));
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public RoomStream roomStream() {
        return stream;
    }

    @Override
    public PresenceStore presence() {
        return presence;
    }

    @Override
    public Future<ModerationCache> moderation(ChatStore store) {
        LocalModerationCache cache = new LocalModerationCache(store, clock);
        return cache.load().map(cache);
    }

    @Override
    public LeaderboardIndex leaderboard() {
        return leaderboard;
    }

    @Override
    public boolean leaderboardShared() {
        return false;
    }

    /** Nothing here outlives the process or is lost while it runs. */
    @Override
    public void onDataLost(Runnable hook) {
    }

    @Override
    public NodeBus nodes() {
        return nodes;
    }

    @Override
    public MatchCommands matchCommands(LocalMatchCommands here) {
        return here;
    }

    @Override
    public dev.arena.metrics.MetricsExchange metrics() {
        return new LocalMetricsExchange();
    }

    @Override
    public Future<dev.arena.identity.SessionRevocations> sessionRevocations() {
        return Future.succeededFuture(new LocalSessionRevocations());
    }

    @Override
    public Future<dev.arena.player.ProfileChanges> profileChanges() {
        return Future.succeededFuture(new LocalProfileChanges());
    }

    @Override
    public JoinCodes joinCodes() {
        return JoinCodes.LOCAL;
    }

    @Override
    public Future<LobbyChannel> lobby() {
        return Future.succeededFuture(new LocalLobbyChannel());
    }

    @Override
    public TicketStore tickets(Duration retention) {
        return new LocalTicketStore(clock, retention);
    }

    @Override
    public PartyStore parties() {
        return new LocalPartyStore();
    }

    @Override
    public MatcherLease matcherLease(Duration ttl) {
        return MatcherLease.SOLE;
    }

    @Override
    public Future<PlayerSessions> playerSessions() {
        return Future.succeededFuture(new LocalPlayerSessions());
    }

    @Override
    public Future<Void> join() {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> ready() {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> leave() {
        return Future.succeededFuture();
    }

    @Override
    public void halt() {
        vertx.cancelTimer(sweepTimer);
    }

    @Override
    public Future<Void> close() {
        halt();
        return Future.succeededFuture();
    }
}
