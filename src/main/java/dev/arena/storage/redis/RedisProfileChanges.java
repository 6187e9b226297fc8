package dev.arena.storage.redis;

import dev.arena.player.ProfileChanges;
import dev.arena.storage.local.LocalProfileChanges;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profile changes shared by the cluster over Redis pub/sub on {@code arena:profiles}, as
 * {@code <node>|<player id>}. Applied here first (the local listeners run before {@link #changed} completes), then
 * published; every other node applies it when the message arrives. A node ignores its own messages. A failed
 * publish is logged: the other nodes' entries expire ({@code ProfileCache.TTL}), and a node whose subscriber was
 * cut off drops its cache when it is back ({@link #onMissed}).
 */
public final class RedisProfileChanges implements ProfileChanges {
    private static final Logger log = LoggerFactory.getLogger(RedisProfileChanges.class);
    static final String CHANNEL = "arena:profiles";

    private final LocalProfileChanges local = new LocalProfileChanges();
    private final Redis client;
    private final RedisSubscriber subscriber;
    private final String node;

    public RedisProfileChanges(Redis client, RedisSubscriber subscriber, String node) {
        this.client = client;
        this.subscriber = subscriber;
        this.node = node;
    }

    /** Subscribes; call before the node serves profiles. */
    public Future<Void> start() {
        return subscriber.subscribe(CHANNEL, this::received);
    }

    @Override
    public Future<Void> changed(UUID playerId) {
        local.deliver(playerId);
        return client.send(Request.cmd(Command.PUBLISH).arg(CHANNEL).arg(node + "|" + playerId)).<Void>mapEmpty()
                .recover(e -> {
                    log.warn("profile change of {} not sent to the other nodes: {}", playerId, e.toString());
                    return Future.succeededFuture();
                });
    }

    @Override
    public Listening listen(Consumer<UUID> listener) {
        return local.listen(listener)::stop;
    }

    @Override
    public void onMissed(Runnable hook) {
        subscriber.onResubscribed(hook);
    }

    private void received(String message) {
        int bar = message.lastIndexOf('|'); // a node id may hold a '|'; a player id never does
        if (bar < 0) {
            log.warn("ignored a malformed profile change message: {}", message);
            return;
        }
        if (message.substring(0, bar).equals(node)) {
            return; // ours, applied when it was made
        }
        try {
            local.deliver(UUID.fromString(message.substring(bar + 1)));
        } catch (IllegalArgumentException e) {
            log.warn("ignored a malformed profile change message: {}", message);
        }
    }
}
