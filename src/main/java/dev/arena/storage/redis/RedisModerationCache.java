package dev.arena.storage.redis;

import dev.arena.storage.local.LocalModerationCache;
import dev.arena.chat.ModerationCache;
import dev.arena.chat.ModerationStatus;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link LocalModerationCache}, kept in step with the other nodes: every change made here (an
 * {@link #invalidate} after a mute, unmute, ban or unban) is published on {@code arena:moderation} as
 * {@code <node>|<player id>}, and each other node reloads that player from the database. Answers still come from
 * memory.
 *
 * <p>Propagation is asynchronous (milliseconds): the moderator's call completes once this node has reloaded and
 * Redis has taken the message, the other nodes reload right after. When the publish fails (Redis down) the
 * change stands and is enforced here; it is logged, and the other nodes pick it up when their subscriber comes
 * back (they reload every restriction after an outage) or at their next start.
 */
public final class RedisModerationCache implements ModerationCache {
    private static final Logger log = LoggerFactory.getLogger(RedisModerationCache.class);
    static final String CHANNEL = "arena:moderation";

    private final LocalModerationCache local;
    private final Redis client;
    private final RedisSubscriber subscriber;
    private final String node;

    public RedisModerationCache(LocalModerationCache local, Redis client, RedisSubscriber subscriber, String node) {
        this.local = local;
        this.client = client;
        this.subscriber = subscriber;
        this.node = node;
    }

    /** Subscribes to other nodes' changes; call before the node serves chat (after loading the local cache). */
    public Future<Void> start() {
        subscriber.onResubscribed(() -> local.reload()
                .onFailure(e -> log.warn("could not reload chat restrictions after a Redis outage", e)));
        return subscriber.subscribe(CHANNEL, this::received);
    }

    @Override
    public ModerationStatus get(UUID playerId) {
        return local.get(playerId);
    }

    @Override
    public Future<Void> invalidate(UUID playerId) {
        return local.invalidate(playerId).compose(v -> client.send(Request.cmd(Command.PUBLISH).arg(CHANNEL)
                .arg(node + "|" + playerId)).<Void>mapEmpty().recover(e -> {
                    log.warn("chat restriction change of {} not sent to the other nodes: {}", playerId, e.toString());
                    return Future.succeededFuture();
                }));
    }

    private void received(String message) {
        int bar = message.lastIndexOf('|');
        if (bar < 0 || message.substring(0, bar).equals(node)) {
            return; // our own change, already applied
        }
        UUID player;
        try {
            player = UUID.fromString(message.substring(bar + 1));
        } catch (IllegalArgumentException e) {
            log.warn("ignored a malformed moderation message: {}", message);
            return;
        }
        local.invalidate(player).onFailure(e -> log.warn("could not reload chat restrictions of {}", player, e));
    }
}
