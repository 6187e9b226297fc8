package dev.arena.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import dev.arena.metrics.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The match meters, fed through the listener seam, as Prometheus exposes them. */
class MatchMetricsTest {
    private static final PlayerId A = new PlayerId(new UUID(0, 1));
    private static final PlayerId B = new PlayerId(new UUID(0, 2));

    private final ManualTickScheduler clock = new ManualTickScheduler();
    private final RecordingListener out = new RecordingListener();
    private final Metrics metrics = new Metrics();

    @Test
    void ticksInputsAndEndsAreCountedAndTheTickTimerHasPercentilesAndBuckets() {
        MatchMetrics meters = new MatchMetrics(metrics.registry());
        MatchListener failing = new MatchListener() {
            public void frame(TickFrame frame) {
                throw new IllegalStateException("a broken listener");
            }

            public void ended(MatchEnd end) {
                throw new IllegalStateException("a broken listener");
            }
        };
        // the broken listener sits first: the others still get every call
        MatchLoop<?, ?, TallyGame.Input> loop = MatchLoop.create(new TallyGame(),
                new MatchSpec(MatchId.random(), 1, Map.of("target", 1000),
                        MatchConfig.defaults().withLobbyTimeout(Duration.ZERO).withInputsPerTick(2)),
                clock, MatchListeners.of(failing, out, meters));
        meters.watch(() -> List.of(loop));
        loop.join(A);
        loop.tick();
        assertThat(scrape()).contains("arena_matches{status=\"running\"} 1.0");
        loop.offer(A, new TallyGame.Input.Add(2));
        loop.offer(A, new TallyGame.Input.Add(99)); // rejected by the rules
        loop.offer(A, new TallyGame.Input.Add(1)); // over the budget of 2: dropped
        loop.offer(B, new TallyGame.Input.Add(1)); // not a player: rejected by the loop
        loop.tick();
        loop.offer(A, new TallyGame.Input.Add(3));
        loop.tick();
        loop.stop("done");
        loop.tick();

        assertThat(out.frames).isNotEmpty();
        assertThat(out.ends).hasSize(1);
        String text = scrape();
        assertThat(text).contains("arena_match_inputs_total{result=\"accepted\"} 2.0",
                "arena_match_inputs_total{result=\"rejected\"} 2.0",
                "arena_match_inputs_total{result=\"dropped\"} 1.0",
                "arena_match_tick_duration_seconds_count 4",
                "arena_match_tick_recent_seconds{quantile=\"0.99\"}",
                "arena_match_tick_duration_seconds_bucket{le=\"1.0E-5\"}",
                "arena_match_ticks_skipped_total 0.0",
                "arena_matches_ended_total{outcome=\"abandoned\"} 1.0",
                "arena_matches{status=\"running\"} 0.0");
    }

    @Test
    void inputToStateLatencyRunsFromAnAcceptedInputsArrivalToItsTicksPublishedState() {
        MatchMetrics meters = new MatchMetrics(metrics.registry());
        MatchLoop<?, ?, TallyGame.Input> loop = MatchLoop.create(new TallyGame(),
                new MatchSpec(MatchId.random(), 1, Map.of("target", 1000),
                        MatchConfig.defaults().withLobbyTimeout(Duration.ZERO)), clock, MatchListeners.of(out, meters));
        loop.join(A);
        loop.tick();
        loop.offer(A, new TallyGame.Input.Add(2));
        clock.stall(Duration.ofMillis(30)); // the input waits 30 ms for its tick
        loop.offer(A, new TallyGame.Input.Add(99)); // rejected by the rules: no state includes it, not measured
        loop.offer(A, new TallyGame.Input.Add(1));
        clock.stall(Duration.ofMillis(10));
        loop.tick();
        loop.tick(); // a tick without inputs records nothing

        var timer = metrics.registry().get("arena.match.input.latency").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(40.0);
        assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(50.0);
        assertThat(scrape()).contains("arena_match_input_latency_seconds{quantile=\"0.99\"}");
    }

    private String scrape() {
        return metrics.scrape();
    }
}
