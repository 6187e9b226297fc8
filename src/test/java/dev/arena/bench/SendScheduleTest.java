package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SendScheduleTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void dueCountFollowsTheRateWhateverTheTickJitter() {
        SendSchedule s = new SendSchedule(50, 0, S);
        long sent = 0;
        // ticks at irregular intervals: 7, 13, 10, 25, 5 ms ... summing to exactly 1 s
        long[] gaps = {7, 13, 10, 25, 5, 40, 100, 300, 500};
        long now = 0;
        for (long g : gaps) {
            now += g * MS;
            sent += s.due(now);
        }
        assertThat(now).isEqualTo(S);
        assertThat(sent).isEqualTo(50);
        assertThat(s.skipped()).isZero();
    }

    @Test
    void fractionalRatesAccumulateInsteadOfRoundingEachTick() {
        // 5 msgs/s at 10 ms ticks is 0.05 per tick: per-tick rounding would send 0 or 100
        SendSchedule s = new SendSchedule(5, 0, S);
        long sent = 0;
        for (long t = 10 * MS; t <= 10 * S; t += 10 * MS) {
            sent += s.due(t);
        }
        assertThat(sent).isEqualTo(50);
    }

    @Test
    void nothingIsDueBeforeTheStartOrTwiceForTheSameInstant() {
        SendSchedule s = new SendSchedule(1000, 5 * S, S);
        assertThat(s.due(4 * S)).isZero();
        assertThat(s.due(5 * S + 10 * MS)).isEqualTo(10);
        assertThat(s.due(5 * S + 10 * MS)).isZero();
        assertThat(s.due(5 * S + 10 * MS + 999_999)).isZero();
        assertThat(s.due(5 * S + 11 * MS)).isEqualTo(1);
    }

    @Test
    void aSenderFarBehindSkipsTheBacklogBeyondTheLagBoundAndCountsIt() {
        SendSchedule s = new SendSchedule(100, 0, S); // at most 1 s (100 messages) of backlog
        assertThat(s.due(10 * MS)).isEqualTo(1);
        // a 5-second stall: 500 messages were due; the first 400 are skipped, the last second's 100 sent
        assertThat(s.due(5 * S + 10 * MS)).isEqualTo(100);
        assertThat(s.skipped()).isEqualTo(400);
        // and the schedule carries on from the present, not from the stall
        assertThat(s.due(5 * S + 20 * MS)).isEqualTo(1);
        assertThat(s.targetAt(5 * S + 20 * MS)).isEqualTo(502);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new SendSchedule(-1, 0, S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendSchedule(Double.NaN, 0, S)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SendSchedule(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SendSchedule(0, 0, S).due(100 * S)).isZero();
    }
}
