package dev.arena.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.match.MatchId;
import dev.arena.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Join codes against a real Redis: one game per code cluster-wide, found from anywhere, released by its game only. */
class RedisJoinCodesTest {
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

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCodeIsClaimedOnceFoundAnywhereAndReleasedOnlyByItsGame() {
        String code = "T" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        RedisJoinCodes nodeA = new RedisJoinCodes(client, Duration.ofSeconds(10));
        RedisJoinCodes nodeB = new RedisJoinCodes(client, Duration.ofSeconds(10));
        MatchId first = MatchId.random();
        MatchId second = MatchId.random();

        assertThat(await(nodeA.claim(code, first))).isTrue();
        assertThat(await(nodeB.claim(code, second))).as("taken by another node's game").isFalse();
        assertThat(await(nodeB.find(code))).contains(first);
        long ttl = await(client.send(Request.cmd(Command.PTTL).arg(RedisJoinCodes.key(code)))).toLong();
        assertThat(ttl).as("lives like a directory entry: 3 x node TTL").isBetween(1L, 30_000L);

        await(nodeB.release(code, second)); // not the code's game: nothing happens
        assertThat(await(nodeA.find(code))).contains(first);
        await(nodeA.release(code, first));
        assertThat(await(nodeB.find(code))).isEqualTo(Optional.empty());
        assertThat(await(nodeB.claim(code, second))).as("free again").isTrue();
        await(nodeB.release(code, second));
    }
}
