package dev.arena.storage.redis;

import dev.arena.common.Json;
import dev.arena.metrics.MetricsExchange;
import dev.arena.metrics.NodeSample;
import io.vertx.core.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MetricsExchange} on the Redis channel {@code arena:metrics}: a message is one {@link NodeSample} as JSON
 * (about 1 KB, once a second per node). Published through the match relay's write connection, received on the
 * node's subscriber connection. A node's own sample is handed back directly, not through Redis, so a node cut off
 * from Redis still shows itself. Pub/sub loses messages while a connection is down: a dashboard then shows the
 * nodes it still hears from, which is the truth as this node knows it.
 */
final class RedisMetricsExchange implements MetricsExchange {
    private static final Logger log = LoggerFactory.getLogger(RedisMetricsExchange.class);
    static final String CHANNEL = "arena:metrics";

    private final RedisSubscriber subscriber;
    private final RedisMatchBus bus;
    private final String node;
    private volatile Consumer<NodeSample> receiver = s -> { };
    private long failed;

    RedisMetricsExchange(RedisSubscriber subscriber, RedisMatchBus bus, String node) {
        this.subscriber = subscriber;
        this.bus = bus;
        this.node = node;
    }

    @Override
    public Future<Void> start(Consumer<NodeSample> receiver) {
        this.receiver = receiver;
        return subscriber.subscribe(CHANNEL, this::received);
    }

    @Override
    public void publish(NodeSample sample) {
        receiver.accept(sample);
        bus.publishOn(CHANNEL, Json.encodeToString(sample)).onFailure(e -> {
            if (Long.bitCount(++failed) == 1) { // 1, 2, 4, ...: visible without flooding the log
                log.warn("{} metric samples not sent to the other nodes (last: {})", failed, e.toString());
            }
        });
    }

    private void received(String message) {
        try {
            NodeSample s = Json.decode(message, NodeSample.class);
            if (!s.node().id().equals(node)) {
                receiver.accept(s);
            }
        } catch (RuntimeException e) {
            log.warn("ignored a malformed metric sample: {}", e.toString());
        }
    }

    @Override
    public Future<Void> close() {
        receiver = s -> { };
        return subscriber.unsubscribe(CHANNEL).otherwiseEmpty();
    }
}
