package dev.arena.testing;

import io.vertx.core.Vertx;
import dev.arena.storage.redis.RedisSubscriber;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Vert.x instance and a pooled client of the shared test Redis ({@link TestRedis}) for a whole test class.
 * Register it as {@code @RegisterExtension static final RedisFixture redis = new RedisFixture();}.
 */
public final class RedisFixture implements BeforeAllCallback, AfterAllCallback {
    private Vertx vertx;
    private Redis client;

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx();
        client = TestRedis.client(vertx);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (vertx != null) {
            vertx.close();
        }
    }

    public Vertx vertx() {
        return vertx;
    }

    public Redis client() {
        return client;
    }

    /** A subscriber on a connection of its own, started: one per simulated node, as in a cluster. */
    public RedisSubscriber subscriber() {
        RedisSubscriber subscriber = new RedisSubscriber(TestRedis.client(vertx), vertx.getOrCreateContext());
        subscriber.start().await();
        return subscriber;
    }

    /** Publishes a raw message, e.g. a malformed one a node must skip. */
    public void publish(String channel, String message) {
        client.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message)).await();
    }
}
