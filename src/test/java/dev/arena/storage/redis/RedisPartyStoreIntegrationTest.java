package dev.arena.storage.redis;

import dev.arena.matchmaking.service.PartyStore;
import dev.arena.matchmaking.service.PartyStoreContract;
import dev.arena.testing.RedisFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The party store contract against a real Redis. */
class RedisPartyStoreIntegrationTest extends PartyStoreContract {
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    @Override
    protected PartyStore create() {
        return new RedisPartyStore(redis.client());
    }
}
