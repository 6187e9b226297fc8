package dev.arena.match;

import dev.arena.common.PlayerId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Meters of this node's matches, fed through the {@link MatchListener} seam so {@link MatchLoop} itself knows
 * nothing of Micrometer. Called on every match's own context; every meter is thread-safe.
 *
 * <p>Ticks are timed twice: {@code arena.match.tick.duration} is a histogram whose buckets start at 10 µs (for
 * Prometheus' {@code histogram_quantile}, and for a load test that computes percentiles over exactly its own
 * window from two scrapes, as {@code arena bench matches} does); {@code arena.match.tick.recent} publishes
 * p50/p99/p99.9 computed here over Micrometer's sliding window of about two minutes. Prometheus cannot show
 * buckets and client-side percentiles in one series family, hence two meters.
 */
public final class MatchMetrics implements MatchListener {
    private final MeterRegistry registry;
    private final Timer tick;
    private final Timer recent;
    private final Timer inputToState;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter dropped;
    private final Counter skipped;
    private final Map<String, Counter> ended = new ConcurrentHashMap<>();

    public MatchMetrics(MeterRegistry registry) {
        this.registry = registry;
        tick = Timer.builder("arena.match.tick.duration")
                .description("one match tick on its context: inbox, rules, publish and frame hand-off")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000)).maximumExpectedValue(Duration.ofSeconds(1))
                .register(registry);
        recent = Timer.builder("arena.match.tick.recent")
                .description("the same ticks: p50, p99 and p99.9 over the last two minutes or so")
                .publishPercentiles(0.5, 0.99, 0.999).register(registry);
        inputToState = Timer.builder("arena.match.input.latency")
                .description("input-to-state latency: an accepted input's arrival at its match to the publication of "
                        + "the state that includes it (p50, p99 over the last two minutes or so)")
                .publishPercentiles(0.5, 0.99).register(registry);
        accepted = inputs("accepted", "inputs the rules applied");
        rejected = inputs("rejected", "inputs refused by the rules or the loop");
        dropped = inputs("dropped", "inputs over a player's per-tick budget, dropped unseen");
        skipped = Counter.builder("arena.match.ticks.skipped")
                .description("ticks not run because a match fell more than the catch-up limit behind")
                .register(registry);
    }

    private Counter inputs(String result, String description) {
        return Counter.builder("arena.match.inputs").tag("result", result).description(description)
                .register(registry);
    }

    /** Gauges of the matches on this node by status ({@code waiting}, {@code running}); read at each scrape. */
    public MatchMetrics watch(Supplier<? extends Iterable<MatchLoop<?, ?, ?>>> matches) {
        for (MatchStatus s : new MatchStatus[] {MatchStatus.WAITING, MatchStatus.RUNNING}) {
            Gauge.builder("arena.matches", () -> count(matches.get(), s))
                    .tag("status", s.name().toLowerCase(java.util.Locale.ROOT))
                    .description("matches on this node").register(registry);
        }
        return this;
    }

    private static int count(Iterable<MatchLoop<?, ?, ?>> matches, MatchStatus status) {
        int n = 0;
        for (MatchLoop<?, ?, ?> m : matches) {
            if (m.status() == status) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void frame(TickFrame frame) { }

    @Override
    public void ended(MatchEnd end) {
        String outcome = switch (end.result().outcome()) {
            case MatchResult.Winner w -> "winner";
            case MatchResult.Draw d -> "draw";
            case MatchResult.Abandoned a -> "abandoned";
        };
        ended.computeIfAbsent(outcome, o -> Counter.builder("arena.matches.ended").tag("outcome", o)
                .description("matches finished on this node").register(registry)).increment();
    }

    @Override
    public void inputRejected(MatchId match, PlayerId player, long tick, String code, String message) {
        rejected.increment();
    }

    @Override
    public void inputDropped(MatchId match, PlayerId player, long tick) {
        dropped.increment();
    }

    @Override
    public void ticksSkipped(MatchId match, long count) {
        skipped.increment(count);
    }

    @Override
    public void inputsApplied(MatchId match, long[] waitedNanos, int count) {
        for (int i = 0; i < count; i++) {
            inputToState.record(waitedNanos[i], TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void ticked(MatchId match, long tick, long nanos, int acceptedInputs) {
        this.tick.record(nanos, TimeUnit.NANOSECONDS);
        recent.record(nanos, TimeUnit.NANOSECONDS);
        if (acceptedInputs > 0) {
            accepted.increment(acceptedInputs);
        }
    }
}
