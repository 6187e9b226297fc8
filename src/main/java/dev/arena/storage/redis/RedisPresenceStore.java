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
 * every room. Each change is one Lua script, so the two never disagree and two nodes sweeping the same dead node
 * cannot both report (and announce) its members.
 *
 * <p>Members are listed in join order by the joining node's clock (ties by session id). The scripts name keys
 * they build themselves, so this needs a standalone (or replicated / sentinel) Redis, not Redis Cluster.
 */
public final class RedisPresenceStore implements PresenceStore {
    /** KEYS: room hash, node hash. ARGV: session, member JSON, room. */
    private static final LuaScript ADD = new LuaScript("""
            if redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) == 1 then
              redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
            end
            return 1
            """);

    /** KEYS: room hash, node hash. ARGV: session, room. Returns 1 when the member was present. */
    private static final LuaScript REMOVE = new LuaScript("""
            if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then
              if redis.call('HINCRBY', KEYS[2], ARGV[2], -1) <= 0 then
                redis.call('HDEL', KEYS[2], ARGV[2])
              end
              return 1
            end
            return 0
            """);

    /** KEYS: node hash. ARGV: node, room key prefix, room key suffix. Returns {room, member JSON, ...}. */
    private static final LuaScript REMOVE_NODE = new LuaScript("""
            local out = {}
            for _, room in ipairs(redis.call('HKEYS', KEYS[1])) do
              local key = ARGV[2] .. room .. ARGV[3]
              local all = redis.call('HGETALL', key)
              for i = 1, #all, 2 do
                if cjson.decode(all[i + 1]).node == ARGV[1] then
                  redis.call('HDEL', key, all[i])
                  table.insert(out, room)
                  table.insert(out, all[i + 1])
                end
              end
            end
            redis.call('DEL', KEYS[1])
            return out
            """);

    private static final String ROOM_PREFIX = "arena:presence:{";
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

    static String nodeKey(String node) {
        return "arena:node:" + node + ":rooms";
    }

    @Override
    public Future<Void> add(String room, Member member) {
        String json = RoomEventCodec.member(member).put("at", clock.millis()).encode();
        return ADD.run(client::send, List.of(roomKey(room), nodeKey(member.node())),
                List.of(member.sessionId().toString(), json, room)).mapEmpty();
    }

    @Override
    public Future<Boolean> remove(String room, Member member) {
        return REMOVE.run(client::send, List.of(roomKey(room), nodeKey(member.node())),
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
    public Future<List<Removed>> removeNode(String node) {
        return REMOVE_NODE.run(client::send, List.of(nodeKey(node)), List.of(node, ROOM_PREFIX, ROOM_SUFFIX))
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
