package dev.arena.logs;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@link #INTERVAL}, on a worker thread, rebuilds the rollup indexes that ingests bloated (the covering index
 * the top of a period reads: {@code PgLogIndexes} says why it bloats and how bloat is told). So the analytics stay
 * fast within minutes after a large ingest without a rebuild per batch. The check is two size lookups; every node
 * may run it, one rebuilds at a time.
 */
public final class RollupIndexUpkeep implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RollupIndexUpkeep.class);
    static final Duration INTERVAL = Duration.ofMinutes(5);

    private final Vertx vertx;
    private final LogStore store;
    private final long timer;

    public RollupIndexUpkeep(Vertx vertx, LogStore store) {
        this.vertx = vertx;
        this.store = store;
        this.timer = vertx.setPeriodic(INTERVAL.toMillis(), t -> runLater());
    }

    private void runLater() {
        vertx.executeBlocking(this::run, false).onFailure(e -> log.warn("rollup index upkeep failed: {}", e.toString()));
    }

    /** Rebuilds what is bloated now; returns the indexes rebuilt. */
    public List<String> run() throws Exception {
        long start = System.nanoTime();
        List<String> rebuilt = store.rebuildBloatedIndexes();
        if (!rebuilt.isEmpty()) {
            log.info("rebuilt the bloated rollup index(es) {} in {} ms", rebuilt, (System.nanoTime() - start) / 1_000_000);
        }
        return rebuilt;
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
