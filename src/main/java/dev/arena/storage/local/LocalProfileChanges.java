package dev.arena.storage.local;

import dev.arena.player.ProfileChanges;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profile changes on a single node: every listener is called on the changing thread before {@link #changed}
 * completes. The cluster version ({@code storage.redis.RedisProfileChanges}) uses one of these for its own node.
 */
public final class LocalProfileChanges implements ProfileChanges {
    private static final Logger log = LoggerFactory.getLogger(LocalProfileChanges.class);
    private final List<Consumer<UUID>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Future<Void> changed(UUID playerId) {
        deliver(playerId);
        return Future.succeededFuture();
    }

    /** Runs every listener; one that fails is logged and does not stop the others. */
    public void deliver(UUID playerId) {
        for (Consumer<UUID> l : listeners) {
            try {
                l.accept(playerId);
            } catch (RuntimeException e) {
                log.error("a profile change listener failed on {}", playerId, e);
            }
        }
    }

    @Override
    public Listening listen(Consumer<UUID> listener) {
        Consumer<UUID> registered = listener::accept; // its own identity: a listener added twice stops once each
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }
}
