package dev.arena.player;

import io.vertx.core.Future;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The seam through which "this player's profile changed" reaches every node, so each node's {@link ProfileCache}
 * drops the entry: the in-process version on a single node ({@code storage.local.LocalProfileChanges}), Redis
 * pub/sub on a cluster ({@code storage.redis.RedisProfileChanges}). Told after the change is written: by every
 * result job step (stats, ratings, recent games), a rename, a role change and an account deletion.
 *
 * <p>Delivery is at most once per node; a node that may have missed messages (a Redis outage) drops its whole
 * cache when it is back ({@link #onMissed}), and entries expire on their own ({@link ProfileCache#TTL}).
 */
public interface ProfileChanges {

    /**
     * Applies the change on this node (every listener has run when the future completes) and tells the other
     * nodes. Fails only when this node's own listeners could not run; a failure to reach other nodes is logged and
     * covered by the cache expiry.
     */
    Future<Void> changed(UUID playerId);

    /**
     * Calls {@code listener} for every change made on any node, this one included, from any thread: it must be
     * quick, thread-safe and must not block. The returned handle stops the calls.
     */
    Listening listen(Consumer<UUID> listener);

    /** Calls {@code hook} when changes may have been missed (the link to the other nodes was lost and is back). */
    default void onMissed(Runnable hook) {}

    /** A registered listener; {@link #stop} is idempotent. */
    interface Listening {
        void stop();
    }
}
