package dev.arena.matchmaking.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * Per-mode gauges over the statistics the mode's matcher last published (so every node reports the cluster's
 * queues, whichever node runs the matcher): queue length, oldest wait, wait p50/p95 and rating spread p50/p95 of
 * the matches formed in the last five minutes.
 */
public final class MatchmakingMetrics {
    private MatchmakingMetrics() {}

    public static void register(MeterRegistry registry, Matchmaking mm) {
        for (String mode : mm.modes()) {
            gauge(registry, mm, mode, "arena.matchmaking.queue.tickets", "tickets waiting", null, StatsView::queueLength);
            gauge(registry, mm, mode, "arena.matchmaking.queue.players", "players waiting", null,
                    StatsView::playersWaiting);
            gauge(registry, mm, mode, "arena.matchmaking.oldest.wait.seconds", "longest current wait", null,
                    s -> s.oldestWaitMs() / 1000.0);
            gauge(registry, mm, mode, "arena.matchmaking.wait.seconds", "wait of matched tickets", "0.5",
                    s -> s.waitP50Ms() / 1000.0);
            gauge(registry, mm, mode, "arena.matchmaking.wait.seconds", "wait of matched tickets", "0.95",
                    s -> s.waitP95Ms() / 1000.0);
            gauge(registry, mm, mode, "arena.matchmaking.rating.spread", "rating spread of formed matches", "0.5",
                    StatsView::ratingSpreadP50);
            gauge(registry, mm, mode, "arena.matchmaking.rating.spread", "rating spread of formed matches", "0.95",
                    StatsView::ratingSpreadP95);
            gauge(registry, mm, mode, "arena.matchmaking.matches.recent", "matches formed in the last 5 minutes",
                    null, StatsView::matchesFormed);
        }
    }

    private static void gauge(MeterRegistry registry, Matchmaking mm, String mode, String name, String help,
                              String quantile, ToDoubleFunction<StatsView> f) {
        var b = Gauge.builder(name, mm, m -> {
            StatsView s = m.latest().get(mode);
            return s == null ? 0 : f.applyAsDouble(s);
        }).description(help).tag("mode", mode);
        if (quantile != null) {
            b.tag("quantile", quantile);
        }
        b.register(registry);
    }
}
