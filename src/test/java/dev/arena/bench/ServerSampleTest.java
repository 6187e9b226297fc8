package dev.arena.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ServerSampleTest {

    private static String scrape(long le1ms, long le2ms, long le5ms, long inf, double skipped) {
        return """
                # HELP arena_match_tick_duration_seconds one match tick
                # TYPE arena_match_tick_duration_seconds histogram
                arena_match_tick_duration_seconds_bucket{le="0.001"} %d
                arena_match_tick_duration_seconds_bucket{le="0.002"} %d
                arena_match_tick_duration_seconds_bucket{le="0.005"} %d
                arena_match_tick_duration_seconds_bucket{le="+Inf"} %d
                arena_match_tick_duration_seconds_count %d
                arena_match_tick_duration_seconds_sum 0.5
                arena_match_ticks_skipped_total %s
                arena_matches{status="running"} 3.0
                process_cpu_usage 0.25
                not a sample line
                """.formatted(le1ms, le2ms, le5ms, inf, inf, skipped);
    }

    @Test
    void quantilesComeFromTheBucketDifferencesInterpolatedInsideTheBucket() {
        ServerSample before = ServerSample.parse(scrape(100, 100, 100, 100, 0)); // history the window must ignore
        ServerSample after = ServerSample.parse(scrape(190, 198, 200, 200, 2));
        TreeMap<Double, Double> b = before.buckets(ServerSample.TICK);
        TreeMap<Double, Double> a = after.buckets(ServerSample.TICK);
        assertThat(a).containsKeys(0.001, 0.002, 0.005, Double.POSITIVE_INFINITY);
        // 100 ticks in the window: 90 up to 1 ms, 8 in (1, 2], 2 in (2, 5]
        assertThat(ServerSample.quantile(b, a, 0.5)).isCloseTo(0.001 * 50 / 90, within(1e-9));
        assertThat(ServerSample.quantile(b, a, 0.9)).isCloseTo(0.001, within(1e-9));
        assertThat(ServerSample.quantile(b, a, 0.94)).isCloseTo(0.0015, within(1e-9));
        assertThat(ServerSample.quantile(b, a, 0.99)).isCloseTo(0.0035, within(1e-9));
        assertThat(ServerSample.quantile(b, b, 0.99)).isNaN(); // nothing recorded
        assertThat(ServerSample.delta(before, after, "arena_match_ticks_skipped_total")).isEqualTo(2.0);
        assertThat(after.get("arena_matches{status=\"running\"}")).isEqualTo(3.0);
        assertThat(after.get("absent")).isNaN();
        assertThat(after.hasMatchMeters()).isTrue();
        assertThat(ServerSample.parse("process_cpu_usage 0.1\n").hasMatchMeters()).isFalse();
    }

    @Test
    void aQuantileBeyondTheLastFiniteBucketGivesThatBound() {
        ServerSample before = ServerSample.parse(scrape(0, 0, 0, 0, 0));
        ServerSample after = ServerSample.parse(scrape(0, 0, 0, 10, 0));
        assertThat(ServerSample.quantile(before.buckets(ServerSample.TICK), after.buckets(ServerSample.TICK), 0.99))
                .isEqualTo(0.005);
    }

    @Test
    void cpuTimeIsUserPlusSystemFromProcStatEvenWithSpacesInTheCommandName() {
        String line = "4242 (java main) S 1 4242 4242 0 -1 4194560 120 0 0 0 1500 250 0 0 20 0 40 0 100 0 0";
        assertThat(ServerSample.cpuTicks(line)).isEqualTo(1750);
        assertThatThrownBy(() -> ServerSample.cpuTicks("garbage")).isInstanceOf(IllegalArgumentException.class);
    }
}
