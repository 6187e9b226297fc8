package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.instant;
import static dev.arena.storage.postgres.PgAccountStore.ts;

import dev.arena.common.Json;
import dev.arena.match.MatchId;
import dev.arena.match.MatchResult;
import dev.arena.match.PlayerId;
import dev.arena.match.StoredLog;
import dev.arena.player.RecentGame;
import dev.arena.results.FinishedMatch;
import dev.arena.results.ResultStore;
import dev.arena.results.StoredMatch;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Finished matches in {@code games} and {@code game_players} (V3__results.sql). The jobs that carry a result on are
 * rows of db-scheduler's {@code scheduled_tasks}, inserted in the same transaction as the result: a result is
 * never stored without its jobs, nor a job without its result, whatever crashes in between.
 */
public final class PgResultStore implements ResultStore {
    private final Pool pool;

    public PgResultStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Boolean> record(StoredMatch stored, List<String> steps) {
        FinishedMatch m = stored.match();
        MatchResult r = m.result();
        String outcome = r.outcome().type();
        UUID winner = r.winner().map(PlayerId::value).orElse(null);
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO games (id, mode, outcome, winner_id, reason, final_tick, owner_node, relayed,
                                           finished_at, event_log)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
                        ON CONFLICT (id) DO NOTHING RETURNING id""")
                .execute(Tuple.from(new Object[] {m.id().value(), m.mode(), outcome, winner, r.reason(),
                        stored.finalTick(), stored.ownerNode(), stored.relayed(), ts(m.finishedAt()),
                        Json.encodeToString(stored.log())}))
                .compose(inserted -> inserted.size() == 0 ? Future.succeededFuture(false)
                        : players(tx, m).compose(v -> jobs(tx, m.id(), steps)).map(true)));
    }

    private static Future<Void> players(SqlClient tx, FinishedMatch m) {
        MatchResult r = m.result();
        if (r.standings().isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = new ArrayList<>();
        for (MatchResult.Standing s : r.standings()) {
            rows.add(Tuple.of(m.id().value(), s.player().value(), s.place(), s.score(), playerOutcome(r, s),
                    ts(m.finishedAt())));
        }
        return tx.preparedQuery("""
                        INSERT INTO game_players (game_id, player_id, place, score, outcome, finished_at)
                        VALUES ($1, $2, $3, $4, $5, $6)""")
                .executeBatch(rows).mapEmpty();
    }

    /**
     * One db-scheduler execution per step, due at once; the instance id is the game id. Due by the database's
     * clock ({@code now()}), not the node's: db-scheduler compares with real time, and the node's clock is
     * injectable.
     */
    private static Future<Void> jobs(SqlClient tx, MatchId id, List<String> steps) {
        if (steps.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = new ArrayList<>();
        for (String step : steps) {
            rows.add(Tuple.of(step, id.value().toString()));
        }
        return tx.preparedQuery("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)
                        VALUES ($1, $2, now(), false, 1, 0) ON CONFLICT DO NOTHING""")
                .executeBatch(rows).mapEmpty();
    }

    /** {@code win}, {@code loss}, {@code draw} (shared first place) or {@code abandoned}. */
    static String playerOutcome(MatchResult r, MatchResult.Standing s) {
        return switch (r.outcome()) {
            case MatchResult.Abandoned a -> "abandoned";
            case MatchResult.Draw d -> s.place() == 1 ? "draw" : "loss";
            case MatchResult.Winner w -> w.player().equals(s.player()) ? "win" : "loss";
        };
    }

    @Override
    public Future<Optional<FinishedMatch>> load(MatchId id) {
        return pool.preparedQuery("""
                        SELECT g.mode, g.outcome, g.winner_id, g.reason, g.finished_at,
                               p.player_id, p.place, p.score
                        FROM games g LEFT JOIN game_players p ON p.game_id = g.id
                        WHERE g.id = $1 ORDER BY p.place, p.player_id""")
                .execute(Tuple.of(id.value()))
                .map(rows -> finished(id, rows));
    }

    private static Optional<FinishedMatch> finished(MatchId id, RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        List<MatchResult.Standing> standings = new ArrayList<>();
        Row first = null;
        for (Row row : rows) {
            first = first == null ? row : first;
            if (row.getUUID("player_id") != null) {
                standings.add(new MatchResult.Standing(new PlayerId(row.getUUID("player_id")),
                        row.getInteger("place"), row.getLong("score")));
            }
        }
        String reason = first.getString("reason");
        MatchResult.Outcome outcome = switch (first.getString("outcome")) {
            case "winner" -> new MatchResult.Winner(new PlayerId(first.getUUID("winner_id")));
            case "draw" -> new MatchResult.Draw();
            default -> new MatchResult.Abandoned();
        };
        return Optional.of(new FinishedMatch(id, first.getString("mode"),
                new MatchResult(outcome, standings, reason), instant(first.getOffsetDateTime("finished_at"))));
    }

    @Override
    public Future<Optional<StoredMatch>> replay(MatchId id) {
        Future<Optional<FinishedMatch>> match = load(id);
        Future<RowSet<Row>> log = pool.preparedQuery(
                        "SELECT final_tick, owner_node, relayed, event_log FROM games WHERE id = $1")
                .execute(Tuple.of(id.value()));
        return Future.all(match, log).map(done -> match.result().map(m -> {
            Row row = log.result().iterator().next();
            StoredLog stored = Json.decode(String.valueOf(row.getJson("event_log")), StoredLog.class);
            return new StoredMatch(m, row.getLong("final_tick"), row.getString("owner_node"),
                    row.getBoolean("relayed"), stored);
        }));
    }

    @Override
    public Future<List<RecentGame>> recent(UUID playerId, int limit) {
        return pool.preparedQuery("""
                        SELECT p.game_id, g.mode, p.outcome, p.finished_at
                        FROM game_players p JOIN games g ON g.id = p.game_id
                        WHERE p.player_id = $1 ORDER BY p.finished_at DESC, p.game_id LIMIT $2""")
                .execute(Tuple.of(playerId, limit))
                .map(rows -> {
                    List<RecentGame> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(new RecentGame(r.getUUID("game_id"), r.getString("mode"),
                            r.getString("outcome"), instant(r.getOffsetDateTime("finished_at")))));
                    return out;
                });
    }

    @Override
    public Future<JobsReport> jobs(int limit) {
        Future<Long> pending = pool.query("SELECT count(*) AS n FROM scheduled_tasks WHERE task_name LIKE 'result.%'")
                .execute().map(rows -> rows.iterator().next().getLong("n"));
        Future<List<FailingJob>> failing = pool.preparedQuery("""
                        SELECT task_name, task_instance, consecutive_failures, last_failure, execution_time
                        FROM scheduled_tasks
                        WHERE task_name LIKE 'result.%' AND consecutive_failures > 0
                        ORDER BY consecutive_failures DESC, execution_time LIMIT $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<FailingJob> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new FailingJob(r.getString("task_name").substring("result.".length()),
                                new MatchId(UUID.fromString(r.getString("task_instance"))),
                                r.getInteger("consecutive_failures"), instant(r.getOffsetDateTime("last_failure")),
                                instant(r.getOffsetDateTime("execution_time"))));
                    }
                    return out;
                });
        return Future.all(pending, failing).map(done -> new JobsReport(pending.result(), failing.result()));
    }
}
