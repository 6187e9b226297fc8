package dev.arena.storage.redis;

import dev.arena.common.ArenaException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one subscriber connection to Redis pub/sub. Channels are reference-counted: the first
 * {@link #subscribe} of a channel sends SUBSCRIBE and completes only once Redis has confirmed it (so nothing
 * published afterwards is missed); the last {@link #unsubscribe} stops delivery at once and sends UNSUBSCRIBE.
 *
 * <p>Messages of one channel reach its handler in publish order, on {@code context} (one thread). After a Redis
 * outage the connection is re-made, every channel still in use is subscribed again, and then the
 * {@link #onResubscribed} hooks run: whatever was published during the outage was not received.
 *
 * <p>All state is touched only on {@code context}.
 */
public final class RedisSubscriber {
    private static final Logger log = LoggerFactory.getLogger(RedisSubscriber.class);

    private static final class Channel {
        final Consumer<String> handler;
        int refs;
        /** One per SUBSCRIBE sent and not yet confirmed, in send order (Redis confirms in that order). */
        final ArrayDeque<Promise<Void>> confirming = new ArrayDeque<>();

        Channel(Consumer<String> handler) {
            this.handler = handler;
        }
    }

    private final Context context;
    private final DedicatedConnection connection;
    private final Map<String, Channel> channels = new HashMap<>();
    private final List<Runnable> resubscribed = new CopyOnWriteArrayList<>();

    /** @param client a client of its own: a subscribed connection is never handed back to a pool */
    public RedisSubscriber(Redis client, Context context) {
        this.context = context;
        this.connection = new DedicatedConnection(client, context, "subscriber", this::connected);
    }

    public Future<Void> start() {
        return connection.start();
    }

    Context context() {
        return context;
    }

    public boolean up() {
        return connection.up();
    }

    /** Runs (on the subscriber's context) after the channels in use were subscribed again after an outage. */
    public void onResubscribed(Runnable hook) {
        resubscribed.add(hook);
    }

    /**
     * Delivers the channel's messages to {@code handler} (the first handler given for a channel is the one used
     * while it stays subscribed). Completes once Redis confirmed the subscription; fails with
     * {@link ArenaException.Unavailable} while Redis is down (the channel still counts as used and is
     * subscribed when Redis is back: callers balance every call with {@link #unsubscribe}).
     */
    public Future<Void> subscribe(String channel, Consumer<String> handler) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            Channel c = channels.computeIfAbsent(channel, k -> new Channel(handler));
            if (c.refs++ > 0) {
                Promise<Void> pending = c.confirming.peekLast();
                if (pending == null) {
                    done.complete();
                } else {
                    pending.future().onComplete(done);
                }
                return;
            }
            RedisConnection conn = connection.current();
            if (conn == null) {
                done.fail(new ArenaException.Unavailable("Redis is unavailable"));
                return;
            }
            c.confirming.add(done);
            conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel));
        });
        return done.future();
    }

    /** Stops delivering the channel's messages once no caller uses it any more; nothing is delivered after. */
    public Future<Void> unsubscribe(String channel) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            Channel c = channels.get(channel);
            if (c != null && c.refs > 0 && --c.refs == 0) {
                RedisConnection conn = connection.current();
                if (conn != null) {
                    conn.send(Request.cmd(Command.UNSUBSCRIBE).arg(channel));
                }
                if (c.confirming.isEmpty()) {
                    channels.remove(channel);
                }
            }
            done.complete();
        });
        return done.future();
    }

    /** Channels in use (tests, metrics). */
    public Future<Integer> size() {
        Promise<Integer> done = Promise.promise();
        context.runOnContext(v -> done.complete((int) channels.values().stream().filter(c -> c.refs > 0).count()));
        return done.future();
    }

    private Future<Void> connected(RedisConnection conn) {
        conn.handler(this::onPush);
        // Confirmations of the old connection will never come.
        for (Channel c : channels.values()) {
            Promise<Void> p;
            while ((p = c.confirming.poll()) != null) {
                p.tryFail(new ArenaException.Unavailable("Redis connection lost"));
            }
        }
        channels.values().removeIf(c -> c.refs == 0);
        if (channels.isEmpty()) {
            return Future.succeededFuture();
        }
        Request subscribe = Request.cmd(Command.SUBSCRIBE);
        List<Future<Void>> confirmed = new ArrayList<>();
        channels.forEach((name, c) -> {
            subscribe.arg(name);
            Promise<Void> p = Promise.promise();
            c.confirming.add(p);
            confirmed.add(p.future());
        });
        conn.send(subscribe);
        int n = channels.size();
        return Future.all(confirmed).<Void>mapEmpty().onSuccess(v -> {
            log.warn("re-subscribed {} Redis channels after an outage; what was published meanwhile did not "
                    + "arrive here (room streams replay it from their buffers)", n);
            resubscribed.forEach(Runnable::run);
        });
    }

    private void onPush(Response r) {
        if (r == null || r.size() < 3) {
            return;
        }
        String kind = r.get(0).toString();
        String channel = r.get(1).toString();
        Channel c = channels.get(channel);
        if (c == null) {
            return;
        }
        switch (kind) {
            case "message" -> {
                if (c.refs > 0) {
                    try {
                        c.handler.accept(r.get(2).toString());
                    } catch (RuntimeException e) {
                        log.error("handler of Redis channel {} failed", channel, e);
                    }
                }
            }
            case "subscribe" -> {
                Promise<Void> p = c.confirming.poll();
                if (p != null) {
                    p.tryComplete();
                }
                if (c.refs == 0 && c.confirming.isEmpty()) {
                    channels.remove(channel);
                }
            }
            default -> { }
        }
    }

    public Future<Void> close() {
        return connection.close();
    }
}
