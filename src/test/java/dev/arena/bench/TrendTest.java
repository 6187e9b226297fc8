package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrendTest {

    /** One point a minute for {@code minutes}, from {@code value.at(minute)}. */
    static List<Trend.Point> minutes(int minutes, java.util.function.IntToDoubleFunction value) {
        List<Trend.Point> out = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            out.add(new Trend.Point(m * 60.0, value.applyAsDouble(m)));
        }
        return out;
    }

    @Test
    void aSteadyLeakIsRisingAndItsSlopeIsPerHourOfTheMean() {
        // 100 MiB growing 1 MiB a minute: 60 MiB an hour, on a mean of 114.5 MiB over the 30 samples
        Trend t = Trend.of(minutes(30, m -> 100 + m));
        assertThat(t.slopePerHour()).isCloseTo(60, within(1e-9));
        assertThat(t.mean()).isCloseTo(114.5, within(1e-9));
        assertThat(t.growthPctPerHour()).isCloseTo(60 / 114.5 * 100, within(1e-9));
        assertThat(t.rising(10)).isTrue();
        assertThat(t.describe("rss_mib")).startsWith("rss_mib rises 52.4% per hour");
    }

    @Test
    void noiseAroundAFlatLineAndAFallingSeriesAreNotRising() {
        SplittableRandom r = new SplittableRandom(7);
        // a heap that swings ±5 % from sample to sample but does not grow
        Trend noisy = Trend.of(minutes(60, m -> 200 + r.nextDouble(-10, 10)));
        assertThat(noisy.rising(10)).as("%s", noisy).isFalse();
        assertThat(Trend.of(minutes(20, m -> 300 - m)).rising(0)).isFalse();
        // one spike in the middle of a flat run moves the fitted line little
        Trend spike = Trend.of(minutes(30, m -> m == 15 ? 400 : 200));
        assertThat(spike.rising(10)).as("%s", spike).isFalse();
    }

    @Test
    void tooFewSamplesAreReportedButNotJudged() {
        Trend three = Trend.of(minutes(3, m -> 100 * (m + 1)));
        assertThat(three.growthPctPerHour()).isPositive();
        assertThat(three.judged()).isFalse();
        assertThat(three.rising(10)).isFalse();
        assertThat(Trend.of(minutes(4, m -> 100 * (m + 1))).rising(10)).isTrue();
        assertThat(Trend.of(List.of()).judged()).isFalse();
        // all readings at one instant: no slope rather than a division by zero
        assertThat(Trend.of(List.of(new Trend.Point(5, 1), new Trend.Point(5, 9))).slopePerHour()).isZero();
    }
}
