package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreInMillisecondsOfMicrosecondValues() {
        LatencyStats s = new LatencyStats();
        for (int i = 1; i <= 1000; i++) {
            s.record(i * 100L, true); // 0.1 ms .. 100 ms
        }
        LatencyStats.LatencySummary t = s.total();
        assertThat(t.count()).isEqualTo(1000);
        assertThat(t.p50Ms()).isCloseTo(50.0, within(0.1));
        assertThat(t.p99Ms()).isCloseTo(99.0, within(0.1));
        assertThat(t.maxMs()).isCloseTo(100.0, within(0.1));
        assertThat(t.meanMs()).isCloseTo(50.05, within(0.1));
    }

    @Test
    void onlyMeasuredValuesReachTheTotalButTheIntervalShowsBoth() {
        LatencyStats s = new LatencyStats();
        s.record(1_000_000, false); // a 1 s warm-up outlier
        s.record(2_000, true);
        LatencyStats.LatencySummary interval = s.interval();
        assertThat(interval.count()).isEqualTo(2);
        assertThat(interval.maxMs()).isCloseTo(1000.0, within(1.0));
        s.record(4_000, true);
        LatencyStats.LatencySummary total = s.total();
        assertThat(total.count()).isEqualTo(2);
        assertThat(total.maxMs()).isCloseTo(4.0, within(0.01));
        // the interval restarts after each read, and the total keeps what the intervals drained
        assertThat(s.interval().count()).isZero();
        assertThat(s.total().count()).isEqualTo(2);
    }

    @Test
    void emptyAndNegativeValues() {
        LatencyStats s = new LatencyStats();
        assertThat(s.total()).isEqualTo(LatencyStats.LatencySummary.EMPTY);
        s.record(-5, true);
        assertThat(s.total().maxMs()).isZero();
    }
}
