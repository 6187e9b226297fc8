package dev.arena.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many ingests a node runs at once: ARENA_LOG_JOBS, or fewer when its heap cannot hold them. */
class LogIngestJobsTest {
    private static final long MB = 1 << 20;

    @Test
    void aHeapOf256MbHoldsTwoIngestsOfTheDefaultBatch() {
        // measured: two at once peaked at 213 MB of a 256 MB heap, four ran it out of memory
        assertThat(LogIngest.jobsTheHeapHolds(4, 50_000, 256 * MB)).isEqualTo(2);
        assertThat(LogIngest.jobsTheHeapHolds(2, 50_000, 256 * MB)).isEqualTo(2);
    }

    @Test
    void theConfiguredNumberWhenTheHeapHoldsMore() {
        assertThat(LogIngest.jobsTheHeapHolds(2, 50_000, 1024 * MB)).isEqualTo(2);
        assertThat(LogIngest.jobsTheHeapHolds(8, 50_000, 1024 * MB)).isEqualTo(8);
    }

    @Test
    void largerBatchesLeaveRoomForFewer() {
        assertThat(LogIngest.jobsTheHeapHolds(8, 50_000, 512 * MB)).isEqualTo(5);
        assertThat(LogIngest.jobsTheHeapHolds(8, 1_000_000, 512 * MB)).isEqualTo(1);
    }

    @Test
    void alwaysAtLeastOne() {
        assertThat(LogIngest.jobsTheHeapHolds(2, 50_000, 64 * MB)).isEqualTo(1);
        assertThat(LogIngest.jobsTheHeapHolds(2, 1_000_000, 128 * MB)).isEqualTo(1);
    }
}
