package dev.arena.storage.redis;

import static dev.arena.testing.Futures.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.testing.RedisFixture;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The matcher lease against a real Redis: one holder at a time, token-checked renew and release, expiry. */
class RedisMatcherLeaseIntegrationTest {
    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private static String mode() {
        return "lease-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void oneHolderAtATimeAndOnlyTheHolderReleases() {
        String mode = mode();
        RedisMatcherLease a = new RedisMatcherLease(redis.client(), "a", Duration.ofMinutes(1));
        RedisMatcherLease b = new RedisMatcherLease(redis.client(), "b", Duration.ofMinutes(1));

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
        RedisMatcherLease dead = new RedisMatcherLease(redis.client(), "dead", Duration.ofMillis(300));
        RedisMatcherLease next = new RedisMatcherLease(redis.client(), "next", Duration.ofMinutes(1));
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
