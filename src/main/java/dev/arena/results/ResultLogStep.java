package dev.arena.results;

import dev.arena.common.Json;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each result to the {@code arena.results} log (one line per match: with {@code ARENA_LOG_FORMAT=json} a
 * JSON object a studio's log pipeline can ship to its analytics). At least once: a retried job may log twice.
 */
public final class ResultLogStep implements ResultStep {
    private static final Logger log = LoggerFactory.getLogger("arena.results");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Future<Void> apply(FinishedMatch match) {
        log.info("match {} ({}) finished at {}: {}", match.id(), match.mode(), match.finishedAt(),
                Json.encodeToString(match.result()));
        return Future.succeededFuture();
    }
}
