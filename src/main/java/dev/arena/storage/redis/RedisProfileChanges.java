package dev.arena.storage.redis;

import dev.arena.player.ProfileChanges;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Profile changes shared by the cluster ({@link RedisSignal}) on {@code arena:profiles}, as
 * {@code <node>|<player id>}. Other nodes' cache entries expire ({@code ProfileCache.TTL}) when a publish is lost, and
 * a node whose subscriber was cut off drops its cache when it is back ({@link #onMissed}).
 */
public final class RedisProfileChanges implements ProfileChanges {
    static final String CHANNEL = "arena:profiles";

    private final RedisSignal<UUID> signal;

    public RedisProfileChanges(Redis client, RedisSubscriber subscriber, String node) {
        this.signal = new RedisSignal<>(client, subscriber, node, CHANNEL, "profile change", 1, UUID::toString,
                fields -> UUID.fromString(fields[0]));
    }

    /** Subscribes; call before the node serves profiles. */
    public Future<Void> start() {
        return signal.start();
    }

    @Override
    public Future<Void> changed(UUID playerId) {
        return signal.send(playerId);
    }

    @Override
    public Listening listen(Consumer<UUID> listener) {
        return signal.local().add(listener)::run;
    }

    @Override
    public void onMissed(Runnable hook) {
        signal.onMissed(hook);
    }
}
