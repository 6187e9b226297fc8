package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.instant;
import static dev.arena.storage.postgres.PgAccountStore.ts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arena.common.Json;
import dev.arena.common.PlayerId;
import dev.arena.match.EventLog;
import dev.arena.match.MatchId;
import dev.arena.match.MatchResult;
import dev.arena.match.StoredLog;
import dev.arena.player.RecentMatch;
import dev.arena.results.FinishedMatch;
import dev.arena.results.ResultStore;
import dev.arena.results.StoredMatch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finished matches in {@code games} and {@code game_players} (V3__results.sql, V6). The jobs that carry a result
 * on are rows of db-scheduler's {@code scheduled_tasks}, inserted in the same transaction as the result: a result
 * is never stored without its jobs, nor a job without its result, whatever crashes in between.
 *
 * <p>Event logs can be large (tens of thousands of entries): they are encoded and decoded on a worker thread, never
 * on an event loop, and only {@link #replay} reads them.
 */
public final class PgResultStore implements ResultStore {
    /** db-scheduler's {@code Priority.MEDIUM}, the priority its own clients give a one-time task. */
    static final int JOB_PRIORITY = 50;
    private static final String SUMMARY = """
            SELECT g.mode, g.outcome, g.winner_id, g.reason, g.finished_at, g.final_tick, g.owner_node, g.relayed,
                   g.reported_by, g.friends_only, (g.event_log ->> 'tick_rate')::int AS tick_rate, p.player_id,
                   p.place, p.score
            FROM games g LEFT JOIN game_players p ON p.game_id = g.id
            WHERE g.id = $1 ORDER BY p.place, p.player_id""";

    private final Pool pool;
    private final Pool writes;
    private final Vertx vertx;

    /**
     * @param pool   for reads
     * @param writes for storing results: a few connections of their own (at lower CPU priority on this machine's
     *               database), so that hundreds of matches ending at once neither queue the node's other queries
     *               behind them nor hold more than a few logs' JSON at a time
     */
    public PgResultStore(Pool pool, Pool writes, Vertx vertx) {
        this.pool = pool;
        this.writes = writes;
        this.vertx = vertx;
    }

    @Override
    public Future<Boolean> record(StoredMatch stored, EventLog<?> log, List<String> steps) {
        // the log's JSON is written once a connection is ready for it: when hundreds of matches end at once (a
        // tournament round), at most the writes pool's few texts are on the heap, not all of them
        return writes.withTransaction(tx -> vertx.executeBlocking(log::json, false)
                        .compose(logJson -> insertMatch(tx, stored, logJson))
                        .compose(inserted -> !inserted ? Future.succeededFuture(false)
                                : players(tx, stored).compose(v -> jobs(tx, stored.match().id(), steps)).map(true)))
                .recover(e -> Future.failedFuture(neverStorable(e) ? new Unstorable(e) : e));
    }

    /** Data errors (SQLSTATE class 22) and integrity violations (class 23) fail the same way on every retry. */
    static boolean neverStorable(Throwable e) {
        return e instanceof DatabaseException d && d.getSqlState() != null
                && (d.getSqlState().startsWith("22") || d.getSqlState().startsWith("23"));
    }

    @Override
    public Future<Void> recordUnstored(StoredMatch stored, EventLog<?> log, List<String> steps, String error,
                                       Instant at) {
        FinishedMatch m = stored.match();
        return vertx.executeBlocking(() -> {
            String result = Json.encodeToString(m.result());
            String retry;
            try {
                ObjectNode match = Json.MAPPER.valueToTree(stored);
                match.set("log", Json.MAPPER.readTree(log.json()));
                retry = Json.encodeToString(Map.of("match", match, "steps", steps));
            } catch (RuntimeException | java.io.IOException e) {
                retry = result; // what cannot be encoded cannot be retried either: the result at least
            }
            return List.of(result, retry);
        }, false).compose(texts -> writes.preparedQuery("""
                        INSERT INTO unstored_results (match_id, mode, node, error, result, retry, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(new Object[] {m.id().value(), text(m.mode(), 200), text(stored.ownerNode(), 200),
                        text(error, 500), texts.get(0), texts.get(1), ts(at)})))
                .mapEmpty();
    }

    /** At most {@code max} characters, without NUL (which a PostgreSQL text value cannot hold). */
    private static String text(String s, int max) {
        String clean = String.valueOf(s).replace('\u0000', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    private static Future<Boolean> insertMatch(SqlClient tx, StoredMatch stored, String logJson) {
        FinishedMatch m = stored.match();
        MatchResult r = m.result();
        UUID winner = r.winner().map(PlayerId::value).orElse(null);
        UUID reporter = stored.reportedBy() == null ? null : stored.reportedBy().value();
        // ::text::jsonb: the parameter is the JSON text itself (a plain String bound to jsonb would be stored as a
        // JSON string value)
        return tx.preparedQuery("""
                        INSERT INTO games (id, mode, outcome, winner_id, reason, final_tick, owner_node, relayed,
                                           reported_by, finished_at, friends_only, event_log)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb)
                        ON CONFLICT (id) DO NOTHING RETURNING id""")
                .execute(Tuple.from(new Object[] {m.id().value(), m.mode(), r.outcome().type(), winner, r.reason(),
                        stored.finalTick(), stored.ownerNode(), stored.relayed(), reporter, ts(m.finishedAt()),
                        stored.friendsOnly(), logJson}))
                .map(rows -> rows.size() == 1);
    }

    /** The standings; for an abandoned match (no standings) everyone who took a seat, at place 0. */
    private static Future<Void> players(SqlClient tx, StoredMatch stored) {
        FinishedMatch m = stored.match();
        MatchResult r = m.result();
        List<Tuple> rows = new ArrayList<>();
        for (MatchResult.Standing s : r.standings()) {
            rows.add(Tuple.of(m.id().value(), s.player().value(), s.place(), s.score(), r.outcomeFor(s.player()),
                    ts(m.finishedAt())));
        }
        if (r.standings().isEmpty()) {
            for (PlayerId p : stored.participants()) {
                rows.add(Tuple.of(m.id().value(), p.value(), 0, 0L, "abandoned", ts(m.finishedAt())));
            }
        }
        if (rows.isEmpty()) {
            return Future.succeededFuture();
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
            rows.add(Tuple.of(step, id.value().toString(), JOB_PRIORITY));
        }
        return tx.preparedQuery("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)
                        VALUES ($1, $2, now(), false, 1, $3) ON CONFLICT DO NOTHING""")
                .executeBatch(rows).mapEmpty();
    }

    @Override
    public Future<Optional<FinishedMatch>> load(MatchId id) {
        return summary(id).map(found -> found.map(StoredMatch::match));
    }

    @Override
    public Future<Optional<StoredMatch>> summary(MatchId id) {
        return pool.preparedQuery(SUMMARY).execute(Tuple.of(id.value())).map(rows -> stored(id, rows, null));
    }

    @Override
    public Future<Optional<StoredMatch>> replay(MatchId id) {
        // the log is read after the summary, never beside it: two queries on two connections see two moments, and a
        // summary read just after the result's commit beside a log read just before it answered a replay without
        // its log. Read after, the log is there whenever the summary is (one transaction writes both).
        return summary(id).compose(summary -> summary.isEmpty() ? Future.succeededFuture(summary)
                : pool.preparedQuery("SELECT event_log::text AS log FROM games WHERE id = $1")
                        .execute(Tuple.of(id.value()))
                        .compose(rows -> rows.size() == 0 ? Future.succeededFuture((StoredLog) null)
                                : vertx.executeBlocking(() -> Json.decode(rows.iterator().next().getString("log"),
                                        StoredLog.class), false))
                        .map(log -> summary.map(m -> new StoredMatch(m.match(), m.finalTick(), m.tickRate(),
                                m.ownerNode(), m.relayed(), m.reportedBy(), m.participants(), m.friendsOnly(), log))));
    }

    private static Optional<StoredMatch> stored(MatchId id, RowSet<Row> rows, StoredLog log) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        List<MatchResult.Standing> standings = new ArrayList<>();
        List<PlayerId> participants = new ArrayList<>();
        Row first = null;
        for (Row row : rows) {
            first = first == null ? row : first;
            UUID player = row.getUUID("player_id");
            if (player != null) {
                participants.add(new PlayerId(player));
                if (row.getInteger("place") >= 1) {
                    standings.add(new MatchResult.Standing(new PlayerId(player), row.getInteger("place"),
                            row.getLong("score")));
                }
            }
        }
        MatchResult.Outcome outcome = switch (first.getString("outcome")) {
            case "winner" -> new MatchResult.Winner(new PlayerId(first.getUUID("winner_id")));
            case "draw" -> new MatchResult.Draw();
            default -> new MatchResult.Abandoned();
        };
        FinishedMatch match = new FinishedMatch(id, first.getString("mode"),
                new MatchResult(outcome, standings, first.getString("reason")),
                instant(first.getOffsetDateTime("finished_at")));
        UUID reporter = first.getUUID("reported_by");
        Integer tickRate = first.getInteger("tick_rate");
        return Optional.of(new StoredMatch(match, first.getLong("final_tick"), tickRate == null ? 0 : tickRate,
                first.getString("owner_node"), first.getBoolean("relayed"),
                reporter == null ? null : new PlayerId(reporter), participants, first.getBoolean("friends_only"), log));
    }

    @Override
    public Future<List<RecentMatch>> recent(UUID playerId, int limit) {
        return pool.preparedQuery("""
                        SELECT p.game_id, g.mode, p.outcome, p.finished_at
                        FROM game_players p JOIN games g ON g.id = p.game_id
                        WHERE p.player_id = $1 ORDER BY p.finished_at DESC, p.game_id LIMIT $2""")
                .execute(Tuple.of(playerId, limit))
                .map(rows -> {
                    List<RecentMatch> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(new RecentMatch(r.getUUID("game_id"), r.getString("mode"),
                            r.getString("outcome"), instant(r.getOffsetDateTime("finished_at")))));
                    return out;
                });
    }

    @Override
    public Future<JobsReport> jobs(int limit) {
        Future<Long> pending = pool.query("SELECT count(*) AS n FROM scheduled_tasks WHERE task_name LIKE 'result.%'")
                .execute().map(rows -> rows.iterator().next().getLong("n"));
        Future<List<FailingJob>> failing = pool.preparedQuery("""
                        SELECT task_name, task_instance, consecutive_failures, last_failure, execution_time,
                               last_error
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
                                instant(r.getOffsetDateTime("execution_time")), r.getString("last_error")));
                    }
                    return out;
                });
        Future<List<FailedResult>> failed = pool.preparedQuery("""
                        SELECT match_id, mode, node, error, result, created_at FROM unstored_results
                        ORDER BY created_at DESC LIMIT $1""")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<FailedResult> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new FailedResult(new MatchId(r.getUUID("match_id")), r.getString("mode"),
                                r.getString("node"), r.getString("error"), r.getString("result"),
                                instant(r.getOffsetDateTime("created_at"))));
                    }
                    return out;
                });
        return Future.all(pending, failing, failed)
                .map(done -> new JobsReport(pending.result(), failing.result(), failed.result()));
    }
}
