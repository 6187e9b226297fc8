package dev.arena.storage.redis;

import dev.arena.common.ArenaException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis connection held for a purpose (ordered stream writes, or subscriptions) that comes back after an
 * outage: when it breaks, it reconnects with backoff (0.1 s doubling to 5 s) and runs {@code onConnect} again.
 * While it is down, {@link #send} fails at once with {@link ArenaException.Unavailable} instead of queueing:
 * the caller's client gets an error it can retry, and nothing piles up in memory.
 *
 * <p>Its state is touched only on {@code context}.
 */
final class DedicatedConnection {
    private static final Logger log = LoggerFactory.getLogger(DedicatedConnection.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final Redis client;
    private final Context context;
    private final String name;
    private final Function<RedisConnection, Future<Void>> onConnect;
    /** The connection in use, published once {@code onConnect} has run on it; null while down. */
    private volatile RedisConnection current;
    /** The newest connection, from the moment it is made: an outage during {@code onConnect} is noticed too. */
    private RedisConnection live;
    private boolean closed;
    private long backoff = FIRST_BACKOFF_MS;
    private long timer = -1;
    private boolean lostOnce;

    /**
     * @param onConnect runs on {@code context} with each new connection, before it is used for {@link #send}
     *                  (the subscriber sets its message handler and re-subscribes there)
     */
    DedicatedConnection(Redis client, Context context, String name,
                        Function<RedisConnection, Future<Void>> onConnect) {
        this.client = client;
        this.context = context;
        this.name = name;
        this.onConnect = onConnect;
    }

    /** The first connection; fails when Redis cannot be reached (the node does not start without it). */
    Future<Void> start() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> connect().onComplete(done));
        return done.future();
    }

    boolean up() {
        return current != null;
    }

    RedisConnection current() {
        return current;
    }

    /** Sends on this connection, so requests from one thread reach Redis in the order they were sent. */
    Future<Response> send(Request request) {
        RedisConnection c = current;
        return c == null ? Future.failedFuture(new ArenaException.Unavailable("Redis (" + name + ") is unavailable"))
                : c.send(request);
    }

    private Future<Void> connect() {
        return client.connect().compose(c -> {
            if (closed) {
                return c.close().transform(ar -> Future.failedFuture("closed"));
            }
            live = c;
            c.exceptionHandler(e -> lost(c, e));
            c.endHandler(v -> lost(c, null));
            return onConnect.apply(c).compose(v -> live == c ? Future.<Void>succeededFuture()
                    : Future.failedFuture("connection lost while setting it up")).onSuccess(v -> {
                current = c;
                backoff = FIRST_BACKOFF_MS;
                if (lostOnce) {
                    log.info("Redis connection '{}' restored", name);
                }
            }).onFailure(e -> c.close());
        });
    }

    private void lost(RedisConnection c, Throwable cause) {
        context.runOnContext(v -> {
            if (closed || live != c) {
                return;
            }
            boolean wasUp = current == c;
            live = null;
            current = null;
            lostOnce = true;
            log.warn("Redis connection '{}' lost ({}); reconnecting", name,
                    cause == null ? "closed by the server" : cause.toString());
            if (wasUp) {
                retry(); // otherwise the connect in progress fails and schedules the next try itself
            }
        });
    }

    private void retry() {
        timer = context.owner().setTimer(backoff, t -> {
            timer = -1;
            if (closed) {
                return;
            }
            connect().onFailure(e -> {
                if (!closed) {
                    log.warn("Redis connection '{}' still down ({}); next try in {} ms", name, e.toString(),
                            Math.min(backoff * 2, MAX_BACKOFF_MS));
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                    retry();
                }
            });
        });
    }

    Future<Void> close() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            closed = true;
            if (timer >= 0) {
                context.owner().cancelTimer(timer);
            }
            RedisConnection c = live;
            live = null;
            current = null;
            (c == null ? Future.<Void>succeededFuture() : c.close()).onComplete(ar -> done.complete());
        });
        return done.future();
    }
}
