package dev.arena.storage.redis;

import dev.arena.identity.Revocation;
import dev.arena.identity.SessionRevocations;
import dev.arena.storage.local.LocalSessionRevocations;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revocations shared by the cluster over Redis pub/sub on {@code arena:revocations}, as
 * {@code <node>|<player id>|<session id or *>|<E (ends sockets) or R (refresh only)>}. A revocation is applied
 * here first (the local listeners run before {@link #revoke} completes), then published; every other node applies
 * it when the message arrives (milliseconds). A node ignores its own messages.
 *
 * <p>When the publish fails (Redis down) the revocation stands here and is logged; the other nodes drop their
 * whole session cache when their subscriber comes back ({@link #onMissed}), and their entries expire anyway
 * ({@code SessionCache.TTL}). Their sockets of that session stay open until they reconnect: a limit stated in
 * docs/CLUSTERING.md.
 */
public final class RedisSessionRevocations implements SessionRevocations {
    private static final Logger log = LoggerFactory.getLogger(RedisSessionRevocations.class);
    static final String CHANNEL = "arena:revocations";

    private final LocalSessionRevocations local = new LocalSessionRevocations();
    private final Redis client;
    private final RedisSubscriber subscriber;
    private final String node;

    public RedisSessionRevocations(Redis client, RedisSubscriber subscriber, String node) {
        this.client = client;
        this.subscriber = subscriber;
        this.node = node;
    }

    /** Subscribes; call before the node authenticates anything. */
    public Future<Void> start() {
        return subscriber.subscribe(CHANNEL, this::received);
    }

    @Override
    public Future<Void> revoke(Revocation r) {
        local.deliver(r);
        String message = node + "|" + r.playerId() + "|" + (r.sessionId() == null ? "*" : r.sessionId()) + "|"
                + (r.endsSockets() ? "E" : "R");
        return client.send(Request.cmd(Command.PUBLISH).arg(CHANNEL).arg(message)).<Void>mapEmpty().recover(e -> {
            log.warn("revocation {} not sent to the other nodes: {}", r, e.toString());
            return Future.succeededFuture();
        });
    }

    @Override
    public Listening listen(Consumer<Revocation> listener) {
        return local.listen(listener);
    }

    @Override
    public void onMissed(Runnable hook) {
        subscriber.onResubscribed(hook);
    }

    private void received(String message) {
        // the node id comes first and is the only part that may hold a '|': read the three others from the end
        String[] parts = message.split("\\|", -1);
        int n = parts.length;
        if (n < 4) {
            log.warn("ignored a malformed revocation message: {}", message);
            return;
        }
        if (message.substring(0, message.length() - parts[n - 3].length() - parts[n - 2].length()
                - parts[n - 1].length() - 3).equals(node)) {
            return; // ours, applied when it was made
        }
        try {
            UUID player = UUID.fromString(parts[n - 3]);
            UUID session = parts[n - 2].equals("*") ? null : UUID.fromString(parts[n - 2]);
            local.deliver(new Revocation(player, session, parts[n - 1].equals("E")));
        } catch (IllegalArgumentException e) {
            log.warn("ignored a malformed revocation message: {}", message);
        }
    }
}
