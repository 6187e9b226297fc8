package dev.arena.storage.redis;

import dev.arena.presence.PresenceStore;
import dev.arena.room.RoomEvent;
import dev.arena.room.RoomStream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which nodes are alive, and cleaning up after those that are not. Each node keeps a key
 * {@code arena:node:<id>} alive with a TTL (refreshed every TTL/3) and is listed in the set {@code arena:nodes}.
 * Every node sweeps every TTL/4: a listed node whose key has expired is dead; its presence is removed
 * ({@link PresenceStore#removeNode}, atomic, so only one sweeper gets the members) and a {@code presence.leave}
 * is broadcast for each, so clients on live nodes see them go.
 *
 * <p>A node that starts removes presence left by an earlier life under the same id; a node that stops
 * gracefully removes its own and unregisters ({@link #leave}).
 */
public final class ClusterMembership {
    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);
    static final String NODES = "arena:nodes";

    private final Vertx vertx;
    private final Redis client;
    private final String node;
    private final Duration ttl;
    private final PresenceStore presence;
    private final RoomStream stream;
    private final Clock clock;
    private long heartbeatTimer = -1;
    private long sweepTimer = -1;

    public ClusterMembership(Vertx vertx, Redis client, String node, Duration ttl, PresenceStore presence,
                             RoomStream stream, Clock clock) {
        this.vertx = vertx;
        this.client = client;
        this.node = node;
        this.ttl = ttl;
        this.presence = presence;
        this.stream = stream;
        this.clock = clock;
    }

    static String aliveKey(String node) {
        return "arena:node:" + node;
    }

    /** Registers this node, clears what an earlier life of it left, and starts the heartbeat and the sweeper. */
    public Future<Void> start() {
        return heartbeat().compose(v -> cleanUp(node, "left by an earlier run of this node")).map(n -> {
            heartbeatTimer = vertx.setPeriodic(Math.max(1, ttl.toMillis() / 3), t -> heartbeat()
                    .onFailure(e -> log.warn("heartbeat of node {} failed: {}", node, e.toString())));
            sweepTimer = vertx.setPeriodic(Math.max(1, ttl.toMillis() / 4), t -> sweep()
                    .onFailure(e -> log.warn("sweep for dead nodes failed: {}", e.toString())));
            return null;
        });
    }

    /** Writes the heartbeat and the registration now (after Redis lost its data, rather than at the next beat). */
    Future<Void> heartbeat() {
        return client.batch(List.of(
                Request.cmd(Command.SET).arg(aliveKey(node)).arg(clock.instant().toString()).arg("PX")
                        .arg(ttl.toMillis()),
                Request.cmd(Command.SADD).arg(NODES).arg(node))).mapEmpty();
    }

    /** Finds nodes whose heartbeat expired and removes their presence; completes with how many nodes. */
    public Future<Integer> sweep() {
        return client.send(Request.cmd(Command.SMEMBERS).arg(NODES)).compose(members -> {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (Response m : members) {
                String other = m.toString();
                if (!other.equals(node)) {
                    checks.add(client.send(Request.cmd(Command.EXISTS).arg(aliveKey(other))).compose(r -> r.toLong() == 1
                            ? Future.succeededFuture(false)
                            : cleanUp(other, "node " + other + " stopped sending heartbeats")
                                    .compose(n -> client.send(Request.cmd(Command.SREM).arg(NODES).arg(other)))
                                    .map(true)));
                }
            }
            return Future.all(checks).map(all -> (int) checks.stream().filter(Future::result).count());
        });
    }

    /** Removes the node's presence and announces each member's leave; completes with how many. */
    private Future<Integer> cleanUp(String dead, String why) {
        return presence.removeNode(dead).compose(removed -> {
            if (removed.isEmpty()) {
                return Future.succeededFuture(0);
            }
            log.info("removed {} presence entries of node {} ({})", removed.size(), dead, why);
            List<Future<Void>> leaves = new ArrayList<>();
            for (PresenceStore.Removed r : removed) {
                leaves.add(stream.broadcast(new RoomEvent.Presence(r.room(), false, r.member(), clock.instant())));
            }
            return Future.all(leaves).map(removed.size());
        });
    }

    /** Graceful stop: no more heartbeats, this node's remaining presence removed and announced, unregistered. */
    public Future<Void> leave() {
        halt();
        return cleanUp(node, "node stopping").compose(n -> client.batch(List.of(
                Request.cmd(Command.DEL).arg(aliveKey(node)),
                Request.cmd(Command.SREM).arg(NODES).arg(node)))).mapEmpty();
    }

    /** Stops the heartbeat and the sweeper, cleaning up nothing (what a crash does; the others sweep). */
    public void halt() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
            heartbeatTimer = -1;
        }
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
            sweepTimer = -1;
        }
    }
}
