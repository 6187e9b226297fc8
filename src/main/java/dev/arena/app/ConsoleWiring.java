package dev.arena.app;

import static dev.arena.app.Wiring.await;
import static dev.arena.app.Wiring.quietly;

import dev.arena.cluster.Backplane;
import dev.arena.console.Audit;
import dev.arena.gateway.http.ApiRouter;
import dev.arena.match.GameCatalog;
import dev.arena.match.GameInfo;
import dev.arena.match.MatchRegistry;
import dev.arena.matchmaking.service.Matchmaking;
import dev.arena.metrics.DashboardFeed;
import dev.arena.metrics.MetricSampler;
import dev.arena.player.PlayerService;
import dev.arena.results.ConsoleStep;
import dev.arena.results.ResultStep;
import dev.arena.results.ResultStore;
import dev.arena.storage.postgres.PgConsoleStats;
import dev.arena.storage.postgres.PgConsoleStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The admin console (docs/CONSOLE.md): player statistics (rolled up by a result step, so built before the result
 * jobs start), the live dashboard feed (sampled once a second on its own worker, merged across nodes through the
 * backplane: in-process alone, Redis on a cluster), the console's records and the audit trail.
 */
final class ConsoleWiring {
    private final Pool pool;
    private final Clock clock;
    private final PgConsoleStats statistics;
    private DashboardFeed dashboard;

    ConsoleWiring(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
        statistics = new PgConsoleStats(pool, GameCatalog.load().games().stream().map(GameInfo::mode).toList(),
                clock);
    }

    /** The result step that keeps the statistics' rollups. */
    ResultStep step() {
        return new ConsoleStep(statistics);
    }

    /** Starts the dashboard feed; {@code matches} and {@code matchmaking} are read at each sample (null once stopped). */
    DashboardFeed startDashboard(Vertx vertx, String nodeId, MeterRegistry registry, Backplane backplane,
                                 Supplier<MatchRegistry> matches, Supplier<Matchmaking> matchmaking,
                                 ResultStore results) {
        NodeMetricSources sources = new NodeMetricSources(matches, matchmaking, results, statistics);
        dashboard = new DashboardFeed(new MetricSampler(nodeId, Main.Version.current(), registry, sources, clock),
                backplane.metrics(), sources, clock);
        await(dashboard.start(vertx));
        return dashboard;
    }

    /** What the console's HTTP API works on. */
    ApiRouter.Console api(PlayerService players) {
        PgConsoleStore store = new PgConsoleStore(pool);
        return new ApiRouter.Console(dashboard, statistics, store, new Audit(store, players, clock));
    }

    /** Ends the dashboard's streams; before HTTP stops, so that they close cleanly. */
    void stop() {
        if (dashboard != null) {
            DashboardFeed feed = dashboard;
            dashboard = null;
            quietly("stop the dashboard feed", () -> await(feed.close()));
        }
    }
}
