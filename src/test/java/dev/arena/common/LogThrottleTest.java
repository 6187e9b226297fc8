package dev.arena.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final LogThrottle throttle = new LogThrottle(Duration.ofSeconds(1), now::get);

    @Test
    void theFirstEventIsLoggedAndTheFloodAfterItIsCountedIntoTheNext() {
        assertThat(throttle.admit()).isZero();
        for (int i = 0; i < 5; i++) {
            now.addAndGet(100_000_000); // 0.1 s
            assertThat(throttle.admit()).isEqualTo(-1);
        }
        now.addAndGet(500_000_000);
        assertThat(throttle.admit()).as("one second after the first: the five held back").isEqualTo(5);
        now.addAndGet(1_000_000_000);
        assertThat(throttle.admit()).as("nothing held back since").isZero();
    }

    @Test
    void theCountReadsAsWords() {
        assertThat(LogThrottle.andMore(0)).isEmpty();
        assertThat(LogThrottle.andMore(312)).isEqualTo(" (and 312 more like it)");
    }
}
