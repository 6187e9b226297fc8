package dev.arena.storage.redis;

import dev.arena.identity.Revocation;
import dev.arena.identity.SessionRevocations;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Revocations shared by the cluster ({@link RedisSignal}) on {@code arena:revocations}, as
 * {@code <node>|<player id>|<session id or *>|<E (ends sockets) or R (refresh only)>}: applied here first (the local
 * listeners run before {@link #revoke} completes), then published; every other node applies it when the message
 * arrives (milliseconds).
 *
 * <p>When the publish fails (Redis down) the revocation stands here and is logged; the other nodes drop their
 * whole session cache when their subscriber comes back ({@link #onMissed}), and their entries expire anyway
 * ({@code SessionCache.TTL}). Their sockets of that session stay open until they reconnect: a limit stated in
 * docs/CLUSTERING.md.
 */
public final class RedisSessionRevocations implements SessionRevocations {
    static final String CHANNEL = "arena:revocations";

    private final RedisSignal<Revocation> signal;

    public RedisSessionRevocations(Redis client, RedisSubscriber subscriber, String node) {
        this.signal = new RedisSignal<>(client, subscriber, node, CHANNEL, "revocation", 3,
                r -> r.playerId() + "|" + (r.sessionId() == null ? "*" : r.sessionId()) + "|"
                        + (r.endsSockets() ? "E" : "R"),
                f -> new Revocation(UUID.fromString(f[0]), f[1].equals("*") ? null : UUID.fromString(f[1]),
                        f[2].equals("E")));
    }

    /** Subscribes; call before the node authenticates anything. */
    public Future<Void> start() {
        return signal.start();
    }

    @Override
    public Future<Void> revoke(Revocation r) {
        return signal.send(r);
    }

    @Override
    public Listening listen(Consumer<Revocation> listener) {
        return signal.local().add(listener)::run;
    }

    @Override
    public void onMissed(Runnable hook) {
        signal.onMissed(hook);
    }
}
