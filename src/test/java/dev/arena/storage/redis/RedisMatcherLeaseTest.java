package dev.arena.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.TestRedis;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The matcher lease against a real Redis: one holder at a time, token-checked renew and release, expiry. */
class RedisMatcherLeaseTest {
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

    private static String mode() {
        return "lease-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void oneHolderAtATimeAndOnlyTheHolderReleases() {
        String mode = mode();
        RedisMatcherLease a = new RedisMatcherLease(client, "a", Duration.ofMinutes(1));
        RedisMatcherLease b = new RedisMatcherLease(client, "b", Duration.ofMinutes(1));

        assertThat(await(a.hold(mode))).isTrue();
        assertThat(await(b.hold(mode))).isFalse();
        assertThat(await(a.hold(mode))).as("renewed").isTrue();
        await(b.release(mode)); // not b's: nothing happens
        assertThat(await(b.hold(mode))).isFalse();
        assertThat(await(a.hold(mode + "-other"))).as("leases are per mode").isTrue();

        await(a.release(mode));
        assertThat(await(b.hold(mode))).isTrue();
        assertThat(await(a.hold(mode))).isFalse();
    }

    @Test
    void anExpiredLeaseIsTakenByAnotherNodeAndTheOldHolderCannotRenewIt() {
        String mode = mode();
        RedisMatcherLease dead = new RedisMatcherLease(client, "dead", Duration.ofMillis(300));
        RedisMatcherLease next = new RedisMatcherLease(client, "next", Duration.ofMinutes(1));
        assertThat(await(dead.hold(mode))).isTrue();

        // the holder stops renewing: Redis expires the key on its own clock (a bounded poll, not a sleep)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean taken = false;
        while (!taken && System.nanoTime() < deadline) {
            taken = await(next.hold(mode));
        }
        assertThat(taken).isTrue();
        assertThat(await(dead.hold(mode))).isFalse();
        await(dead.release(mode));
        assertThat(await(next.hold(mode))).as("still next's").isTrue();
    }
}
