package dev.arena.storage.redis;

import dev.arena.matchmaking.service.PlayerSessions;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway sockets of every player across the cluster, for the matchmaking disconnect grace: per node a hash
 * {@code arena:mm:s:<node>} player -> sockets open there. A node writes only its own hash, so its count for a
 * player is ordered by that node alone; an increment and a decrement that reach Redis out of order still sum right
 * (a field is dropped when it is exactly 0).
 *
 * <p>{@link #online} trusts only live nodes, by the membership the cluster already keeps ({@link ClusterMembership}:
 * the set {@code arena:nodes} and each node's heartbeat key), so the sockets of a node that died are not counted
 * once its heartbeat has expired. A node clears its own hash when it starts ({@link #start}), dropping what an
 * earlier run under the same id left. It also counts its sockets itself, to write its hash back when Redis lost its
 * data ({@link #rewrite}).
 */
public final class RedisPlayerSessions implements PlayerSessions {
    static final String PREFIX = "arena:mm:s:";

    /** KEYS: the node's hash. ARGV: player, delta. */
    private static final LuaScript ADJUST = new LuaScript("""
            if redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2]) == 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
            return 1
            """);

    /** ARGV: player, nodes set, heartbeat key prefix, hash prefix. Returns 1 when a live node counts a socket. */
    private static final LuaScript ONLINE = new LuaScript("""
            for _, n in ipairs(redis.call('SMEMBERS', ARGV[2])) do
              if redis.call('EXISTS', ARGV[3] .. n) == 1 then
                local c = tonumber(redis.call('HGET', ARGV[4] .. n, ARGV[1]) or '0')
                if c > 0 then return 1 end
              end
            end
            return 0
            """);

    private final Redis client;
    private final String node;
    /** This node's sockets per player, as its hash should say. */
    private final Map<UUID, Integer> counts = new ConcurrentHashMap<>();

    public RedisPlayerSessions(Redis client, String node) {
        this.client = client;
        this.node = node;
    }

    /** Clears the counts an earlier run of this node left (call before the node accepts sockets). */
    public Future<Void> start() {
        return client.send(Request.cmd(Command.DEL).arg(PREFIX + node)).mapEmpty();
    }

    @Override
    public Future<Void> opened(UUID player) {
        return adjust(player, 1);
    }

    @Override
    public Future<Void> closed(UUID player) {
        return adjust(player, -1);
    }

    private Future<Void> adjust(UUID player, int delta) {
        counts.compute(player, (p, n) -> {
            int now = (n == null ? 0 : n) + delta;
            return now == 0 ? null : now;
        });
        return ADJUST.run(client::send, List.of(PREFIX + node), List.of(player.toString(), String.valueOf(delta)))
                .mapEmpty();
    }

    /**
     * Writes this node's hash back from its own counts after Redis lost its data. A socket opened or closed while
     * this runs may be counted twice or not at all until it closes; the count only delays or hastens the
     * disconnect grace's check of that player.
     */
    Future<Void> rewrite() {
        List<Request> batch = new ArrayList<>();
        batch.add(Request.cmd(Command.DEL).arg(PREFIX + node));
        counts.forEach((player, n) -> batch.add(Request.cmd(Command.HSET).arg(PREFIX + node).arg(player.toString())
                .arg(n)));
        return client.batch(batch).mapEmpty();
    }

    @Override
    public Future<Boolean> online(UUID player) {
        return ONLINE.run(client::send, List.of(), List.of(player.toString(), ClusterMembership.NODES,
                ClusterMembership.aliveKey(""), PREFIX)).map(r -> r.toLong() == 1);
    }
}
