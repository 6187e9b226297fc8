package dev.arena.storage.redis;

import dev.arena.lobby.LobbyChange;
import dev.arena.lobby.LobbyChannel;
import dev.arena.lobby.LobbyWire;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LobbyChannel} on the Redis channel {@code arena:lobby}: a message is {@code <length of node>|<node><changes
 * JSON>}. It is published through the match relay's one write connection (so one node's changes arrive in order)
 * and received on the node's subscriber connection; a node ignores its own messages.
 */
final class RedisLobbyChannel implements LobbyChannel {
    private static final Logger log = LoggerFactory.getLogger(RedisLobbyChannel.class);
    static final String CHANNEL = "arena:lobby";

    private final RedisSubscriber subscriber;
    private final RedisMatchBus bus;
    private final String node;
    private volatile BiConsumer<String, List<LobbyChange>> handler = (n, c) -> { };
    private long failed;

    RedisLobbyChannel(RedisSubscriber subscriber, RedisMatchBus bus, String node) {
        this.subscriber = subscriber;
        this.bus = bus;
        this.node = node;
    }

    Future<Void> start() {
        return subscriber.subscribe(CHANNEL, this::received);
    }

    @Override
    public void publish(List<LobbyChange> changes) {
        bus.publishOn(CHANNEL, node.length() + "|" + node + LobbyWire.changes(changes)).onFailure(e -> {
            if (Long.bitCount(++failed) == 1) { // 1, 2, 4, ...: visible without flooding the log
                log.warn("{} lobby updates not sent to the other nodes (last: {})", failed, e.toString());
            }
        });
    }

    @Override
    public void onChanges(BiConsumer<String, List<LobbyChange>> handler) {
        this.handler = handler;
    }

    @Override
    public void onResubscribed(Runnable hook) {
        subscriber.onResubscribed(hook);
    }

    private void received(String message) {
        try {
            int bar = message.indexOf('|');
            int length = Integer.parseInt(message.substring(0, bar));
            String from = message.substring(bar + 1, bar + 1 + length);
            if (!from.equals(node)) {
                handler.accept(from, LobbyWire.changes(message.substring(bar + 1 + length)));
            }
        } catch (RuntimeException e) {
            log.warn("ignored a malformed lobby message: {}", e.toString());
        }
    }
}
