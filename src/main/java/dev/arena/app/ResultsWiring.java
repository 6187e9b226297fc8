package dev.arena.app;

import static dev.arena.app.Wiring.await;
import static dev.arena.app.Wiring.quietly;

import dev.arena.config.ArenaConfig;
import dev.arena.config.DatabaseUrl;
import dev.arena.match.GameCatalog;
import dev.arena.match.GameFactory;
import dev.arena.results.ResultJobs;
import dev.arena.results.ResultRecorder;
import dev.arena.results.ResultStep;
import dev.arena.results.ResultStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * What happens to a finished match (docs/RESULTS.md): the recorder stores its result, log and one durable job per
 * step in one transaction; the jobs (db-scheduler, any node) carry it into ratings, stats, brackets and rollups.
 */
final class ResultsWiring {
    final ResultRecorder recorder;
    private final ResultJobs jobs;
    /** Set by {@link #halt()}: the jobs are already stopped. */
    private boolean halted;

    /**
     * Starts the jobs; {@code wrapper} wraps every step (tests: failures, kills) and {@code recorderStore} the store
     * the recorder writes to (tests: unstorable results), both identity in production.
     */
    ResultsWiring(ArenaConfig config, DatabaseUrl database, Vertx vertx, ResultStore results, List<ResultStep> steps,
                  UnaryOperator<ResultStep> wrapper, UnaryOperator<ResultStore> recorderStore, GameCatalog catalog,
                  MeterRegistry registry, Clock clock) {
        List<ResultStep> wrapped = new ArrayList<>(steps);
        wrapped.replaceAll(wrapper);
        jobs = ResultJobs.start(database, config.jobs(), config.nodeId(), results, wrapped, registry);
        recorder = new ResultRecorder(vertx, recorderStore.apply(results), jobs, config.nodeId(),
                mode -> catalog.find(mode).map(GameFactory::relayed).orElse(false), clock);
    }

    /** Graceful stop, once the matches have ended: their last results are stored, then the jobs stop. */
    void stop() {
        quietly("store the last results", () -> {
            try {
                await(recorder.drained().timeout(10, TimeUnit.SECONDS));
            } finally {
                recorder.logUnstored();
            }
        });
        if (!halted) {
            quietly("stop result jobs", jobs::close);
        }
    }

    /** As a killed process: the matches still running end unrecorded, and no job runs after this instant. */
    void halt() {
        halted = true;
        recorder.halt();
        jobs.halt();
    }
}
