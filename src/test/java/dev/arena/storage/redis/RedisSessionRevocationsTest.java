package dev.arena.storage.redis;

import dev.arena.identity.SessionRevocations;
import dev.arena.identity.SessionRevocationsContract;
import dev.arena.testing.RedisFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract over a real Redis: each node has its own subscriber connection, as in a cluster. */
class RedisSessionRevocationsTest extends SessionRevocationsContract {
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected SessionRevocations node(String node) {
        RedisSessionRevocations r = new RedisSessionRevocations(redis.client(), redis.subscriber(), node);
        await(r.start());
        return r;
    }
}
