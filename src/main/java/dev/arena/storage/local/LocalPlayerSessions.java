package dev.arena.storage.local;

import dev.arena.matchmaking.service.PlayerSessions;

import io.vertx.core.Future;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A single node's {@link PlayerSessions}: a count of sockets per player (sockets open on every event loop). */
public final class LocalPlayerSessions implements PlayerSessions {
    private final Map<UUID, Integer> sockets = new ConcurrentHashMap<>();

    @Override
    public Future<Void> opened(UUID player) {
        sockets.merge(player, 1, Integer::sum);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> closed(UUID player) {
        sockets.computeIfPresent(player, (p, n) -> n <= 1 ? null : n - 1);
        return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> online(UUID player) {
        return Future.succeededFuture(sockets.containsKey(player));
    }
}
