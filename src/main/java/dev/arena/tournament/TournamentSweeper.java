package dev.arena.tournament;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link TournamentService#sweep} periodically (check-ins opening, starts, no-show deadlines). The decisions
 * are made by the service's injected clock; this timer only decides how often to look. One pass at a time: a slow
 * pass delays the next instead of piling up.
 */
public final class TournamentSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TournamentSweeper.class);

    private final Vertx vertx;
    private final long timer;
    private boolean running;

    public TournamentSweeper(Vertx vertx, TournamentService service, Duration every) {
        this.vertx = vertx;
        this.timer = vertx.setPeriodic(every.toMillis(), id -> {
            synchronized (this) {
                if (running) {
                    return;
                }
                running = true;
            }
            service.sweep().onComplete(ar -> {
                if (ar.failed()) {
                    log.warn("tournament sweep failed; trying again at the next one", ar.cause());
                }
                synchronized (this) {
                    running = false;
                }
            });
        });
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
