package dev.arena.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arena.common.ArenaException;
import dev.arena.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(int times, String... keys) {
        for (int i = 0; i < times; i++) {
            throttle.failed(keys);
        }
    }

    private Duration lockLeft(String... keys) {
        ArenaException.RateLimited e = catchThrowableOfType(ArenaException.RateLimited.class,
                () -> throttle.check(keys));
        assertThat(e).as("expected %s to be locked", String.join(",", keys)).isNotNull();
        return e.retryAfter();
    }

    @Test
    void fourFailuresAreFreeTheFifthLocksForThirtySeconds() {
        fail(4, "user:a");
        assertThatCode(() -> throttle.check("user:a")).doesNotThrowAnyException();

        throttle.failed("user:a");
        assertThat(lockLeft("user:a")).isEqualTo(Duration.ofSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(lockLeft("user:a")).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> throttle.check("user:a")).doesNotThrowAnyException();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
        fail(5, "user:a");
        Duration expected = Duration.ofSeconds(30);
        for (int i = 0; i < 8; i++) {
            assertThat(lockLeft("user:a")).isEqualTo(expected);
            clock.advance(lockLeft("user:a"));
            throttle.failed("user:a");
            expected = expected.multipliedBy(2);
            if (expected.compareTo(Duration.ofMinutes(15)) > 0) {
                expected = Duration.ofMinutes(15);
            }
        }
        assertThat(lockLeft("user:a")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsTheKey() {
        fail(4, "user:a");
        throttle.succeeded("user:a");
        throttle.failed("user:a");
        assertThatCode(() -> throttle.check("user:a")).doesNotThrowAnyException();
    }

    @Test
    void keysAreCountedSeparatelyAndAnyLockedKeyRefuses() {
        fail(5, "user:a", "addr:1");
        fail(4, "user:b");

        assertThatCode(() -> throttle.check("user:b")).doesNotThrowAnyException();
        assertThatCode(() -> throttle.check("user:b", "addr:2")).doesNotThrowAnyException();
        assertThat(lockLeft("user:b", "addr:1")).isEqualTo(Duration.ofSeconds(30));
        assertThat(lockLeft("user:a", "addr:2")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void oldFailuresAreForgotten() {
        fail(4, "user:a");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        throttle.failed("user:a");
        assertThatCode(() -> throttle.check("user:a")).doesNotThrowAnyException();
        fail(3, "user:a");
        assertThatCode(() -> throttle.check("user:a")).doesNotThrowAnyException();
        throttle.failed("user:a");
        assertThat(lockLeft("user:a")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theMapOfKeysStaysBounded() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 50; i++) {
            throttle.failed("addr:" + i);
        }
        assertThat(throttle.trackedKeys()).isLessThanOrEqualTo(LoginThrottle.MAX_KEYS);
    }
}
