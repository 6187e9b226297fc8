package dev.arena.storage.redis;

import dev.arena.leaderboard.LeaderboardIndex;
import dev.arena.leaderboard.LeaderboardIndexContract;
import dev.arena.testing.TestRedis;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The leaderboard contract against a real Redis: board names carry a per-test prefix, so no flushing. */
class RedisLeaderboardIndexIntegrationTest extends LeaderboardIndexContract {
    private static Vertx vertx;
    private static RedisLeaderboardIndex shared;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        shared = new RedisLeaderboardIndex(TestRedis.client(vertx));
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Override
    protected LeaderboardIndex createIndex() {
        return shared;
    }
}
