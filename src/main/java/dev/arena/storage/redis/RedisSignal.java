package dev.arena.storage.redis;

import dev.arena.storage.local.LocalFanOut;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node-wide signal shared by the cluster over Redis pub/sub, as {@code <node>|<field>|<field>...}: applied on
 * this node first (its listeners have run when {@link #send} completes), then published; every other node applies it
 * when the message arrives. A node ignores its own messages. A failed publish is logged, not failed: the users
 * (session and profile caches) expire their entries and drop everything when their subscriber was cut off
 * ({@link RedisSubscriber#onResubscribed}).
 *
 * @param <T> what is signalled; its text form has a fixed number of fields without {@code '|'}, while a node id may
 *            hold one, so a message is read from its end
 */
final class RedisSignal<T> {
    private static final Logger log = LoggerFactory.getLogger(RedisSignal.class);

    private final Redis client;
    private final RedisSubscriber subscriber;
    private final String node;
    private final String channel;
    private final String what;
    private final int fields;
    private final Function<T, String> encode;
    private final Function<String[], T> decode;
    private final LocalFanOut<T> local;

    /**
     * @param decode reads the {@code fields} fields of a message; throws {@link IllegalArgumentException} when they
     *               are malformed
     */
    RedisSignal(Redis client, RedisSubscriber subscriber, String node, String channel, String what, int fields,
                Function<T, String> encode, Function<String[], T> decode) {
        this.client = client;
        this.subscriber = subscriber;
        this.node = node;
        this.channel = channel;
        this.what = what;
        this.fields = fields;
        this.encode = encode;
        this.decode = decode;
        this.local = new LocalFanOut<>(what);
    }

    LocalFanOut<T> local() {
        return local;
    }

    /** Calls {@code hook} when the subscriber was cut off and is back: messages may have been missed. */
    void onMissed(Runnable hook) {
        subscriber.onResubscribed(hook);
    }

    Future<Void> start() {
        return subscriber.subscribe(channel, this::received);
    }

    Future<Void> send(T item) {
        local.deliver(item);
        return client.send(Request.cmd(Command.PUBLISH).arg(channel).arg(node + "|" + encode.apply(item)))
                .<Void>mapEmpty().recover(e -> {
                    log.warn("{} {} not sent to the other nodes: {}", what, item, e.toString());
                    return Future.succeededFuture();
                });
    }

    private void received(String message) {
        String[] parts = message.split("\\|", -1);
        if (parts.length < fields + 1) {
            log.warn("ignored a malformed {} message: {}", what, message);
            return;
        }
        int payloadLength = fields - 1; // the bars between the fields
        String[] payload = new String[fields];
        for (int i = 0; i < fields; i++) {
            payload[i] = parts[parts.length - fields + i];
            payloadLength += payload[i].length();
        }
        if (message.substring(0, message.length() - payloadLength - 1).equals(node)) {
            return; // ours, applied when it was made
        }
        try {
            local.deliver(decode.apply(payload));
        } catch (IllegalArgumentException e) {
            log.warn("ignored a malformed {} message: {}", what, message);
        }
    }
}
