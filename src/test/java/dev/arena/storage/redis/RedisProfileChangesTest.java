package dev.arena.storage.redis;

import dev.arena.player.ProfileChanges;
import dev.arena.player.ProfileChangesContract;
import dev.arena.testing.RedisFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract over a real Redis: each node has its own subscriber connection, as in a cluster. */
class RedisProfileChangesTest extends ProfileChangesContract {
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected ProfileChanges node(String node) {
        RedisProfileChanges changes = new RedisProfileChanges(redis.client(), redis.subscriber(), node);
        await(changes.start());
        return changes;
    }
}
