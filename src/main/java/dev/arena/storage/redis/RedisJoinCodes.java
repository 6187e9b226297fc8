package dev.arena.storage.redis;

import dev.arena.match.JoinCodes;
import dev.arena.match.MatchId;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Join codes of the whole cluster: {@code arena:code:<CODE>} holds the game id. A code is claimed with
 * {@code SET NX} (so two nodes never hand out the same one), lives like the game's directory entry (3 × the node
 * TTL, refreshed by the owner with the entry, {@link RedisMatchDirectory#refresh}), and is deleted when its game
 * ends, only if it still names that game. A dead owner's codes expire by themselves; until then a lookup finds a
 * game whose directory entry is gone, which the caller answers as an unknown code.
 */
final class RedisJoinCodes implements JoinCodes {
    private static final Logger log = LoggerFactory.getLogger(RedisJoinCodes.class);
    /** Deletes the code only while it is still the game's (it may have expired and been claimed again). */
    private static final LuaScript RELEASE = new LuaScript("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """);

    private final Redis client;
    private final Duration ttl;

    RedisJoinCodes(Redis client, Duration nodeTtl) {
        this.client = client;
        this.ttl = nodeTtl.multipliedBy(3);
    }

    static String key(String code) {
        return "arena:code:" + code;
    }

    @Override
    public Future<Boolean> claim(String code, MatchId match) {
        return client.send(Request.cmd(Command.SET).arg(key(code)).arg(match.value().toString()).arg("NX")
                .arg("PX").arg(ttl.toMillis())).map(r -> r != null && "OK".equals(r.toString()));
    }

    @Override
    public Future<Void> release(String code, MatchId match) {
        return RELEASE.run(client::send, List.of(key(code)), List.of(match.value().toString())).<Void>mapEmpty()
                .recover(e -> {
                    log.warn("could not release the join code of game {} ({}); it expires by itself", match, e.toString());
                    return Future.succeededFuture();
                });
    }

    @Override
    public Future<Optional<MatchId>> find(String code) {
        return client.send(Request.cmd(Command.GET).arg(key(code)))
                .map(r -> r == null ? Optional.empty() : Optional.of(new MatchId(UUID.fromString(r.toString()))));
    }
}
