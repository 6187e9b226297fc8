package dev.arena.storage.local;

import dev.arena.identity.Revocation;
import dev.arena.identity.SessionRevocations;
import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * Revocations on a single node: every listener is called on the revoking thread before {@link #revoke} completes.
 * The cluster version is {@code storage.redis.RedisSessionRevocations}.
 */
public final class LocalSessionRevocations implements SessionRevocations {
    private final LocalFanOut<Revocation> listeners = new LocalFanOut<>("revocation");

    @Override
    public Future<Void> revoke(Revocation revocation) {
        listeners.deliver(revocation);
        return Future.succeededFuture();
    }

    @Override
    public Listening listen(Consumer<Revocation> listener) {
        return listeners.add(listener)::run;
    }
}
