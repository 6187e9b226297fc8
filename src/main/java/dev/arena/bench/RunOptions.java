package dev.arena.bench;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The measured window of the rate-driven scenarios: warm-up first, then the measured duration. */
final class RunOptions {
    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "measured time after the warm-up (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class,
            description = "load applied before measuring (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--max-p99", converter = DurationConverter.class,
            description = "also fail (exit 1) when the measured p99 latency is above this (e.g. 50ms)")
    Duration maxP99;

    /** Adds the latency check when {@code --max-p99} is given. */
    void checkLatency(Verdict verdict, LatencyStats.LatencySummary measured) {
        if (maxP99 != null) {
            double limit = maxP99.toNanos() / 1e6;
            verdict.require(measured.p99Ms() <= limit, String.format(java.util.Locale.ROOT,
                    "p99 latency %.2f ms above --max-p99 %.2f ms", measured.p99Ms(), limit));
        }
    }

    void validate(List<String> errors) {
        if (duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
            errors.add("--duration must be between 1ms and 24h");
        }
        if (warmup.compareTo(Duration.ofHours(1)) > 0) {
            errors.add("--warmup must be at most 1h");
        }
    }
}
