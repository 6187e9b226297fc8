package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickPacerTest {
    private static final long MS = 1_000_000L;

    @Test
    void ticksAreDueAtFixedOffsetsFromTheBaseSoTimerLatenessDoesNotDrift() {
        TickPacer p = new TickPacer(50 * MS, 5, 0);
        assertThat(p.due(49 * MS)).isZero();
        assertThat(p.nanosUntilNext(49 * MS)).isEqualTo(MS);
        assertThat(p.due(53 * MS)).isEqualTo(1);   // 3 ms late
        assertThat(p.nanosUntilNext(53 * MS)).isEqualTo(47 * MS); // the next is still due at 100 ms
        assertThat(p.due(100 * MS)).isEqualTo(1);
        assertThat(p.skipped()).isZero();
    }

    @Test
    void aBacklogWithinTheLimitRunsBackToBack() {
        TickPacer p = new TickPacer(50 * MS, 5, 0);
        assertThat(p.due(250 * MS)).isEqualTo(5);
        assertThat(p.nanosUntilNext(250 * MS)).isEqualTo(50 * MS);
        assertThat(p.skipped()).isZero();
    }

    @Test
    void aBacklogOverTheLimitResetsTheBaseRunsOneTickAndCountsTheRestAsSkipped() {
        TickPacer p = new TickPacer(50 * MS, 5, 0);
        assertThat(p.due(50 * MS)).isEqualTo(1);
        assertThat(p.due(1_060 * MS)).isEqualTo(1); // 20 ticks due: 1 runs, 19 skipped
        assertThat(p.skipped()).isEqualTo(19);
        assertThat(p.nanosUntilNext(1_060 * MS)).isEqualTo(50 * MS); // the new base is "now"
        assertThat(p.due(1_110 * MS)).isEqualTo(1);
        assertThat(p.skipped()).isEqualTo(19);
    }
}
