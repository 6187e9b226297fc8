package dev.arena.identity;

import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * The seam through which a session revocation reaches every node: the in-process version on a single node
 * ({@code storage.local.LocalSessionRevocations}), Redis pub/sub on a cluster
 * ({@code storage.redis.RedisSessionRevocations}). Nodes cache sessions in memory ({@link SessionCache}) and hold
 * sockets opened with them, so each node must hear of every revocation, wherever it was made, within a second.
 *
 * <p>Delivery is at most once per node; a node that misses messages (a Redis outage) forgets its whole cache when
 * it is back, and cache entries expire on their own, which bounds what a lost message can leave behind.
 */
public interface SessionRevocations {

    /**
     * Applies the revocation on this node (every listener has run when the future completes) and tells the other
     * nodes. Fails only when this node's own listeners could not run; a failure to reach other nodes is logged and
     * covered by the cache expiry.
     */
    Future<Void> revoke(Revocation revocation);

    /**
     * Calls {@code listener} for every revocation made on any node, this one included, from any thread: it must be
     * quick, thread-safe and must not block. The returned handle stops the calls.
     */
    Listening listen(Consumer<Revocation> listener);

    /**
     * Calls {@code hook} when revocations may have been missed (the connection to the other nodes was lost and is
     * back): whatever was cached from before must be dropped.
     */
    default void onMissed(Runnable hook) {}

    /** A registered listener; {@link #stop} is idempotent. */
    interface Listening {
        void stop();
    }
}
