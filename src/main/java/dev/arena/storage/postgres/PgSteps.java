package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.ts;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;

/** The idempotence marks of result steps ({@code result_steps_done}). */
final class PgSteps {
    private PgSteps() {}

    /**
     * Marks the step done for the game inside the caller's transaction; {@code true} the first time. A step's
     * changes and its mark commit together, so a retry after a crash either sees both or neither.
     */
    static Future<Boolean> claim(SqlClient tx, UUID gameId, String step, Instant now) {
        return tx.preparedQuery("""
                        INSERT INTO result_steps_done (game_id, step, done_at) VALUES ($1, $2, $3)
                        ON CONFLICT DO NOTHING RETURNING game_id""")
                .execute(Tuple.of(gameId, step, ts(now)))
                .map(rows -> rows.size() == 1);
    }
}
