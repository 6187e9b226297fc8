package dev.arena.storage.redis;

import dev.arena.presence.Member;
import dev.arena.presence.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Presence across the cluster in Redis: per room a hash {@code arena:presence:{<room>}} (field = session id,
 * value = the member's JSON with its node and join time), and per node a hash {@code arena:node:<node>:rooms}
 * counting that node's members in each room, so {@link #removeNode} finds a dead node's members without scanning
 * every room. Beside each room hash, a sorted set {@code arena:presence-order:{<room>}} of its session ids scored by
 * join time: a join pages the first members from it ({@link #page}) instead of reading the whole hash, which made
 * filling a big room quadratic. Each change is one Lua script, so the keys never disagree and two nodes sweeping
 * the same dead node cannot both report (and announce) its members.
 *
 * <p>Members are listed in join order by the joining node's clock (ties by session id). The scripts name keys
 * they build themselves, so this needs a standalone (or replicated / sentinel) Redis, not Redis Cluster.
 */
public final class RedisPresenceStore implements PresenceStore {
    /** KEYS: room hash, node hash, room order. ARGV: session, member JSON, room, join time. */
    private static final LuaScript ADD = new LuaScript("""
            if redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) == 1 then
              redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
              redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
            end
            return 1
            """);

    /** KEYS: room hash, node hash, room order. ARGV: session, room. Returns 1 when the member was present. */
    private static final LuaScript REMOVE = new LuaScript("""
            redis.call('ZREM', KEYS[3], ARGV[1])
            if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then
              if redis.call('HINCRBY', KEYS[2], ARGV[2], -1) <= 0 then
                redis.call('HDEL', KEYS[2], ARGV[2])
              end
              return 1
            end
            return 0
            """);

    /**
     * KEYS: node hash. ARGV: node, room key prefix, room key suffix, order key prefix. Returns {room, member JSON,
     * ...}.
     */
    private static final LuaScript REMOVE_NODE = new LuaScript("""
            local out = {}
            for _, room in ipairs(redis.call('HKEYS', KEYS[1])) do
              local key = ARGV[2] .. room .. ARGV[3]
              local order = ARGV[4] .. room .. ARGV[3]
              local all = redis.call('HGETALL', key)
              for i = 1, #all, 2 do
                if cjson.decode(all[i + 1]).node == ARGV[1] then
                  redis.call('HDEL', key, all[i])
                  redis.call('ZREM', order, all[i])
                  table.insert(out, room)
                  table.insert(out, all[i + 1])
                end
              end
            end
            redis.call('DEL', KEYS[1])
            return out
            """);

    /**
     * KEYS: room hash, room order. ARGV: first rank, last rank. Returns {member count, member JSON, ...}: the page in
     * join order. A session in the order without a member (none is expected: both change in one script) is skipped.
     */
    private static final LuaScript PAGE = new LuaScript("""
            local out = {redis.call('HLEN', KEYS[1])}
            local ids = redis.call('ZRANGE', KEYS[2], ARGV[1], ARGV[2])
            if #ids > 0 then
              for _, m in ipairs(redis.call('HMGET', KEYS[1], unpack(ids))) do
                if m then table.insert(out, m) end
              end
            end
            return out
            """);

    private static final String ROOM_PREFIX = "arena:presence:{";
    private static final String ORDER_PREFIX = "arena:presence-order:{";
    private static final String ROOM_SUFFIX = "}";

    private final Redis client;
    private final Clock clock;

    public RedisPresenceStore(Redis client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    static String roomKey(String room) {
        return ROOM_PREFIX + room + ROOM_SUFFIX;
    }

    static String orderKey(String room) {
        return ORDER_PREFIX + room + ROOM_SUFFIX;
    }

    static String nodeKey(String node) {
        return "arena:node:" + node + ":rooms";
    }

    @Override
    public Future<Void> add(String room, Member member) {
        long at = clock.millis();
        String json = RoomEventCodec.member(member).put("at", at).encode();
        return ADD.run(client::send, List.of(roomKey(room), nodeKey(member.node()), orderKey(room)),
                List.of(member.sessionId().toString(), json, room, Long.toString(at))).mapEmpty();
    }

    @Override
    public Future<Boolean> remove(String room, Member member) {
        return REMOVE.run(client::send, List.of(roomKey(room), nodeKey(member.node()), orderKey(room)),
                List.of(member.sessionId().toString(), room)).map(r -> r.toLong() == 1);
    }

    @Override
    public Future<List<Member>> list(String room) {
        return client.send(Request.cmd(Command.HVALS).arg(roomKey(room))).map(r -> {
            if (r == null) {
                return List.of();
            }
            List<JsonObject> all = new ArrayList<>(r.size());
            for (Response v : r) {
                all.add(new JsonObject(v.toString()));
            }
            all.sort(Comparator.<JsonObject>comparingLong(o -> o.getLong("at", 0L))
                    .thenComparing(o -> o.getString("session_id")));
            return all.stream().map(RoomEventCodec::member).toList();
        });
    }

    @Override
    public Future<Page> page(String room, int offset, int limit) {
        if (limit <= 0) {
            return client.send(Request.cmd(Command.HLEN).arg(roomKey(room)))
                    .map(r -> new Page(List.of(), r == null ? 0 : r.toInteger()));
        }
        int from = Math.max(offset, 0);
        return PAGE.run(client::send, List.of(roomKey(room), orderKey(room)),
                List.of(Integer.toString(from), Long.toString((long) from + limit - 1))).map(r -> {
                    List<Member> members = new ArrayList<>(r.size() - 1);
                    for (int i = 1; i < r.size(); i++) {
                        members.add(RoomEventCodec.member(new JsonObject(r.get(i).toString())));
                    }
                    return new Page(List.copyOf(members), r.get(0).toInteger());
                });
    }

    @Override
    public Future<List<Removed>> removeNode(String node) {
        return REMOVE_NODE.run(client::send, List.of(nodeKey(node)),
                        List.of(node, ROOM_PREFIX, ROOM_SUFFIX, ORDER_PREFIX))
                .map(r -> {
                    List<Removed> out = new ArrayList<>();
                    for (int i = 0; r != null && i + 1 < r.size(); i += 2) {
                        out.add(new Removed(r.get(i).toString(), RoomEventCodec.member(new JsonObject(r.get(i + 1)
                                .toString()))));
                    }
                    return out;
                });
    }
}
