package dev.arena.storage.redis;

import dev.arena.matchmaking.service.PartyStore;
import dev.arena.matchmaking.service.PartyStoreContract;
import dev.arena.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The party store contract against a real Redis. */
class RedisPartyStoreTest extends PartyStoreContract {
    private static Vertx vertx;
    private static Redis client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        client = TestRedis.client(vertx);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Override
    protected PartyStore create() {
        return new RedisPartyStore(client);
    }
}
