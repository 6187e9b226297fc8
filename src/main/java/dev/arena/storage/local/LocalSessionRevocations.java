package dev.arena.storage.local;

import dev.arena.identity.Revocation;
import dev.arena.identity.SessionRevocations;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocations on a single node: every listener is called on the revoking thread before {@link #revoke} completes.
 * The cluster version ({@code storage.redis.RedisSessionRevocations}) uses one of these for its own node.
 */
public final class LocalSessionRevocations implements SessionRevocations {
    private static final Logger log = LoggerFactory.getLogger(LocalSessionRevocations.class);
    private final List<Consumer<Revocation>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Future<Void> revoke(Revocation revocation) {
        deliver(revocation);
        return Future.succeededFuture();
    }

    /** Runs every listener; one that fails is logged and does not stop the others. */
    public void deliver(Revocation revocation) {
        for (Consumer<Revocation> l : listeners) {
            try {
                l.accept(revocation);
            } catch (RuntimeException e) {
                log.error("a revocation listener failed on {}", revocation, e);
            }
        }
    }

    @Override
    public Listening listen(Consumer<Revocation> listener) {
        // a wrapper of its own, so the same listener registered twice is stopped once per registration
        Consumer<Revocation> registered = listener::accept;
        listeners.add(registered);
        return () -> listeners.remove(registered);
    }
}
