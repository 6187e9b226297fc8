package dev.arena.testing;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
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
}
