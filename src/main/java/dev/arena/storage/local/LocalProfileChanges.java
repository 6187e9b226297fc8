package dev.arena.storage.local;

import dev.arena.player.ProfileChanges;
import io.vertx.core.Future;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Profile changes on a single node: every listener is called on the changing thread before {@link #changed}
 * completes. The cluster version is {@code storage.redis.RedisProfileChanges}.
 */
public final class LocalProfileChanges implements ProfileChanges {
    private final LocalFanOut<UUID> listeners = new LocalFanOut<>("profile change");

    @Override
    public Future<Void> changed(UUID playerId) {
        listeners.deliver(playerId);
        return Future.succeededFuture();
    }

    @Override
    public Listening listen(Consumer<UUID> listener) {
        return listeners.add(listener)::run;
    }
}
