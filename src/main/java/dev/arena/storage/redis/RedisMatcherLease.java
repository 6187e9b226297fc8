package dev.arena.storage.redis;

import dev.arena.matchmaking.service.MatcherLease;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The matcher lease of each mode in Redis: {@code arena:mm:lease:<mode>} holds the holder's token and expires after
 * the lease time. Taken with {@code SET NX PX}; renewed (every matchmaking step) and released by Lua scripts that
 * first check the token, so a node whose lease expired (it stalled) can neither extend nor delete the lease another
 * node has taken since. A holder that dies stops renewing; once the key expires the next node to step takes it.
 */
public final class RedisMatcherLease implements MatcherLease {
    /** KEYS: lease. ARGV: token, ttl ms. */
    private static final LuaScript RENEW = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """);

    /** KEYS: lease. ARGV: token. */
    private static final LuaScript RELEASE = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """);

    private final Redis client;
    private final long ttlMillis;
    /** Unique per process and start: a restarted node is a new holder. */
    private final String token;

    public RedisMatcherLease(Redis client, String node, Duration ttl) {
        this.client = client;
        this.ttlMillis = ttl.toMillis();
        this.token = node + ":" + UUID.randomUUID();
    }

    static String key(String mode) {
        return RedisTicketStore.PREFIX + "lease:" + mode;
    }

    @Override
    public Future<Boolean> hold(String mode) {
        return RENEW.run(client::send, List.of(key(mode)), List.of(token, String.valueOf(ttlMillis)))
                .compose(r -> r.toLong() == 1 ? Future.succeededFuture(true)
                        : client.send(Request.cmd(Command.SET).arg(key(mode)).arg(token).arg("NX").arg("PX")
                        .arg(ttlMillis)).map(set -> set != null && "OK".equals(set.toString())));
    }

    @Override
    public Future<Void> release(String mode) {
        return RELEASE.run(client::send, List.of(key(mode)), List.of(token)).mapEmpty();
    }
}
