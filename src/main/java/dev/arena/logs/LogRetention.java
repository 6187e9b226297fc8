package dev.arena.logs;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops raw-event partitions whose whole day is older than the retention, at start and then every
 * {@link #INTERVAL}, on a worker thread (it is DDL over JDBC). Rollups are never dropped. Every node may run it:
 * dropping a partition that another node dropped first is a no-op.
 */
public final class LogRetention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LogRetention.class);
    static final Duration INTERVAL = Duration.ofHours(1);

    private final Vertx vertx;
    private final LogStore store;
    private final Clock clock;
    private final Duration retention;
    private final long timer;

    public LogRetention(Vertx vertx, LogStore store, Clock clock, Duration retention) {
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.retention = retention;
        this.timer = vertx.setPeriodic(1, INTERVAL.toMillis(), t -> sweepLater());
    }

    private void sweepLater() {
        vertx.executeBlocking(this::sweep, false).onFailure(e -> log.warn("log retention failed: {}", e.toString()));
    }

    /** Drops what is due now; returns how many daily partitions went. */
    public int sweep() throws Exception {
        int dropped = store.dropRawBefore(clock.instant().minus(retention));
        if (dropped > 0) {
            log.info("log retention: dropped {} daily partitions of raw events older than {}", dropped, retention);
        }
        return dropped;
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
