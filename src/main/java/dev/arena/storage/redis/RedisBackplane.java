package dev.arena.storage.redis;

import dev.arena.chat.ChatStore;
import dev.arena.cluster.Backplane;
import dev.arena.storage.local.LocalModerationCache;
import dev.arena.chat.ModerationCache;
import dev.arena.lobby.LobbyChannel;
import dev.arena.cluster.RoutedMatchCommands;
import dev.arena.match.JoinCodes;
import dev.arena.match.LocalMatchCommands;
import dev.arena.match.MatchCommands;
import dev.arena.cluster.NodeBus;
import dev.arena.matchmaking.service.MatcherLease;
import dev.arena.matchmaking.service.PartyStore;
import dev.arena.matchmaking.service.PlayerSessions;
import dev.arena.matchmaking.service.TicketStore;
import dev.arena.presence.PresenceStore;
import dev.arena.room.RoomStream;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Everything a node shares with the others through Redis, built, started and stopped together: one pooled client
 * for commands, a dedicated subscriber connection, the room stream, presence, chat restrictions and cluster
 * membership (docs/CLUSTERING.md).
 *
 * <p>Lifecycle: {@link #connect} (clients, subscriber, stream), {@link #moderation} (subscribes to restriction
 * changes), {@link #join} (heartbeat and sweeper; once the node can deliver presence events), then at shutdown
 * {@link #leave} (after the sockets have left their rooms) and {@link #close}. {@link #halt} stops the heartbeat
 * without cleaning up, as a crash would.
 */
public final class RedisBackplane implements Backplane {
    /** Connections of the command pool; requests beyond them wait in a queue of {@link #POOL_WAITING}. */
    private static final int POOL_SIZE = 16;
    /** Requests waiting for a pooled connection before new ones are refused (they fail; the caller reports it). */
    private static final int POOL_WAITING = 8_192;
    /** Requests in flight on one connection (the write connection pipelines every append of the node). */
    private static final int IN_FLIGHT = 16_384;

    private final Redis commands;
    private final Redis subscriptions;
    private final RedisSubscriber subscriber;
    private final RedisRoomStream stream;
    private final RedisPresenceStore presence;
    private final ClusterMembership membership;
    private final RedisMatchBus matches;
    private final RedisJoinCodes joinCodes;
    private final RedisEpoch epochs;
    private final RedisWriteBack writeBack;
    private final Duration nodeTtl;
    private RedisTicketStore tickets;
    private RedisPartyStore parties;
    private final String node;
    private final Clock clock;

    private RedisBackplane(Vertx vertx, Context context, URI url, String node, int resumeBuffer,
                           Duration resumeWindow, Duration nodeTtl, Clock clock) {
        this.node = node;
        this.clock = clock;
        RedisOptions options = new RedisOptions().setConnectionString(url.toString())
                .setMaxPoolSize(POOL_SIZE).setMaxPoolWaiting(POOL_WAITING).setMaxWaitingHandlers(IN_FLIGHT);
        this.commands = Redis.createClient(vertx, options);
        this.subscriptions = Redis.createClient(vertx, new RedisOptions(options).setMaxPoolSize(1));
        this.subscriber = new RedisSubscriber(subscriptions, context);
        this.nodeTtl = nodeTtl;
        // other nodes have a node TTL to register again after a loss (they notice it within TTL/4) before this
        // node judges their games and watchers lost
        this.epochs = new RedisEpoch(commands, nodeTtl.multipliedBy(2), clock);
        this.stream = new RedisRoomStream(commands, subscriber, epochs, resumeBuffer, resumeWindow, clock);
        this.presence = new RedisPresenceStore(commands, clock);
        this.membership = new ClusterMembership(vertx, commands, node, nodeTtl, presence, stream, clock);
        this.matches = new RedisMatchBus(vertx, commands, subscriber, epochs, node, nodeTtl, clock);
        this.joinCodes = new RedisJoinCodes(commands, nodeTtl);
        this.writeBack = new RedisWriteBack(vertx, epochs, membership, matches);
    }

    /**
     * Connects (fails when Redis cannot be reached: a clustered node does not start alone).
     *
     * @param context where the subscriber runs: received events are decoded and handed to rooms there
     */
    public static Future<Backplane> connect(Vertx vertx, Context context, URI url, String node,
                                                 int resumeBuffer, Duration resumeWindow, Duration nodeTtl,
                                                 Clock clock) {
        RedisBackplane b = new RedisBackplane(vertx, context, url, node, resumeBuffer, resumeWindow, nodeTtl, clock);
        return b.commands.send(Request.cmd(Command.PING)).compose(v -> b.epochs.start())
                .compose(v -> b.subscriber.start()).compose(v -> b.stream.start())
                .compose(v -> b.matches.start()).<Backplane>map(b)
                .recover(e -> b.close().transform(ar -> Future.failedFuture(e)));
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public RoomStream roomStream() {
        return stream;
    }

    /** Leaderboards as sorted sets shared by every node. */
    @Override
    public dev.arena.leaderboard.LeaderboardIndex leaderboard() {
        return new RedisLeaderboardIndex(commands);
    }

    @Override
    public boolean leaderboardShared() {
        return true;
    }

    /** Each loss {@link RedisEpoch} notices (the epoch key changed), after this node's own write-back began. */
    @Override
    public void onDataLost(Runnable hook) {
        epochs.onLost(loss -> hook.run());
    }

    @Override
    public PresenceStore presence() {
        return presence;
    }

    /** The game directory and the routing of matches run by other nodes. */
    @Override
    public NodeBus nodes() {
        return matches;
    }

    /** Join codes unique across the cluster, and found from any node. */
    @Override
    public MatchCommands matchCommands(LocalMatchCommands here) {
        return new RoutedMatchCommands(here, matches);
    }

    @Override
    public JoinCodes joinCodes() {
        return joinCodes;
    }

    /** The lobby changes of every node ({@code arena:lobby}); subscribed when the future completes. */
    @Override
    public Future<LobbyChannel> lobby() {
        RedisLobbyChannel channel = new RedisLobbyChannel(subscriber, matches, node);
        return channel.start().map(channel);
    }

    /** Every node's dashboard samples ({@code arena:metrics}). */
    @Override
    public dev.arena.metrics.MetricsExchange metrics() {
        return new RedisMetricsExchange(subscriber, matches, node);
    }

    /** The node's restriction cache (loaded first), kept in step with the other nodes' changes. */
    @Override
    public Future<ModerationCache> moderation(ChatStore store) {
        LocalModerationCache local = new LocalModerationCache(store, clock);
        RedisModerationCache cache = new RedisModerationCache(local, commands, subscriber, node);
        return local.load().compose(v -> cache.start()).map(cache);
    }

    /** Session revocations heard by every node; subscribed when the future completes. */
    @Override
    public Future<dev.arena.identity.SessionRevocations> sessionRevocations() {
        RedisSessionRevocations revocations = new RedisSessionRevocations(commands, subscriber, node);
        return revocations.start().map(revocations);
    }

    /** Profile changes heard by every node; subscribed when the future completes. */
    @Override
    public Future<dev.arena.player.ProfileChanges> profileChanges() {
        RedisProfileChanges changes = new RedisProfileChanges(commands, subscriber, node);
        return changes.start().map(changes);
    }

    /**
     * Matchmaking tickets shared by the cluster; finished ones are kept {@code retention}. One store per node: it
     * remembers the waiting tickets the node wrote, to write them back if Redis loses its data.
     */
    @Override
    public synchronized TicketStore tickets(Duration retention) {
        if (tickets == null) {
            tickets = writeBack.add(new RedisTicketStore(commands, retention));
        }
        return tickets;
    }

    /** Parties shared by the cluster; one store per node (it remembers the parties the node wrote last). */
    @Override
    public synchronized PartyStore parties() {
        if (parties == null) {
            parties = writeBack.add(new RedisPartyStore(commands));
        }
        return parties;
    }

    /** The lease that lets one node at a time run each mode's matcher. */
    @Override
    public MatcherLease matcherLease(Duration ttl) {
        return new RedisMatcherLease(commands, node, ttl);
    }

    /** The cluster's count of gateway sockets per player (matchmaking's disconnect grace), this node's cleared. */
    @Override
    public Future<PlayerSessions> playerSessions() {
        RedisPlayerSessions sessions = writeBack.add(new RedisPlayerSessions(commands, node));
        return sessions.start().map(sessions);
    }

    /** Registers the node, removes presence an earlier run of it left, starts the heartbeat and the sweeper. */
    @Override
    public Future<Void> join() {
        // the window in which another node's change to a ticket or party this node wrote can be undone by a loss
        writeBack.start(Duration.ofMillis(Math.min(1000, Math.max(1, nodeTtl.toMillis() / 4))));
        return membership.start();
    }

    /** Readiness: Redis answers, and the subscriber and write connections are up. */
    @Override
    public Future<Void> ready() {
        return commands.send(Request.cmd(Command.PING)).compose(r -> stream.up() && matches.up() ? Future.<Void>succeededFuture()
                : Future.failedFuture("Redis subscriber or write connection is down (reconnecting)"));
    }

    /**
     * Graceful stop: the last match frames out and this node's game directory entries removed, then its remaining
     * presence removed and announced, node unregistered.
     */
    @Override
    public Future<Void> leave() {
        writeBack.halt();
        return matches.leave().otherwiseEmpty().compose(v -> membership.leave());
    }

    /** Stops the heartbeat and the sweeper without cleaning anything up (a crash; tests use it). */
    @Override
    public void halt() {
        writeBack.halt();
        membership.halt();
        matches.halt();
    }

    @Override
    public Future<Void> close() {
        writeBack.halt();
        membership.halt();
        return Future.join(stream.close(), subscriber.close(), matches.close())
                .transform(ar -> Future.join(commands.close(), subscriptions.close())).mapEmpty();
    }
}
