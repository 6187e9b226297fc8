package dev.arena.storage.postgres;

import dev.arena.logs.BadLineSamples;
import dev.arena.logs.LogJob;
import dev.arena.logs.LogQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link LogQueries} over the rollup tables, through the node's non-blocking pool. */
public final class PgLogQueries implements LogQueries {
    private final Pool pool;

    public PgLogQueries(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Optional<LogJob>> job(UUID id) {
        return pool.preparedQuery("SELECT " + PgLogStore.JOB_COLUMNS + " FROM log_jobs WHERE id = $1")
                .execute(Tuple.of(id)).compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.empty());
                    }
                    LogJob job = job(rows.iterator().next());
                    return pool.preparedQuery("SELECT line, reason FROM log_bad_lines WHERE job_id = $1 ORDER BY line")
                            .execute(Tuple.of(id)).map(bad -> {
                                List<BadLineSamples.Sample> samples = new ArrayList<>();
                                bad.forEach(r -> samples.add(new BadLineSamples.Sample(r.getLong(0), r.getString(1))));
                                return Optional.of(job.withSamples(samples));
                            });
                });
    }

    @Override
    public Future<List<LogJob>> jobs(String idempotencyKey, int limit) {
        return pool.preparedQuery("SELECT " + PgLogStore.JOB_COLUMNS + " FROM log_jobs "
                        + "WHERE ($1::text IS NULL OR idempotency_key = $1) ORDER BY created_at DESC, id LIMIT $2")
                .execute(Tuple.of(idempotencyKey, limit)).map(rows -> {
                    List<LogJob> out = new ArrayList<>();
                    rows.forEach(r -> out.add(job(r)));
                    return out;
                });
    }

    private static LogJob job(Row r) {
        OffsetDateTime finished = r.getOffsetDateTime("finished_at");
        return new LogJob(r.getUUID("id"), r.getString("status"), r.getLong("lines"), r.getLong("events"),
                r.getLong("bad_lines"), r.getLong("committed_offset"), r.getDouble("seconds"),
                r.getLong("total_bytes"), r.getBoolean("raw"), r.getString("source"),
                r.getString("idempotency_key"), r.getString("error"), r.getOffsetDateTime("created_at").toInstant(),
                finished == null ? null : finished.toInstant(), null);
    }

    @Override
    public Future<Optional<JsonObject>> player(String playerId) {
        Future<JsonArray> types = rows("SELECT type, events, value_sum, first_seen, last_seen FROM log_player_types "
                + "WHERE player_id = $1 ORDER BY type", Tuple.of(playerId), r -> new JsonObject()
                .put("type", r.getString(0)).put("events", r.getLong(1)).put("value_sum", r.getDouble(2))
                .put("first_seen", instant(r, 3)).put("last_seen", instant(r, 4)));
        Future<JsonArray> days = rows("SELECT day, type, events, value_sum FROM log_player_days "
                + "WHERE player_id = $1 ORDER BY 1, 2",
                Tuple.of(playerId), r -> new JsonObject().put("day", instant(r, 0).substring(0, 10))
                        .put("type", r.getString(1)).put("events", r.getLong(2)).put("value_sum", r.getDouble(3)));
        Future<Long> games = pool.preparedQuery("SELECT count(*) FROM log_game_players WHERE player_id = $1")
                .execute(Tuple.of(playerId)).map(rs -> rs.iterator().next().getLong(0));
        Future<JsonObject> arena = arenaPlayer(playerId);
        return Future.all(types, days, games, arena).map(all -> {
            JsonArray t = types.result();
            if (t.isEmpty()) {
                return Optional.empty();
            }
            long events = 0;
            String first = null;
            String last = null;
            for (int i = 0; i < t.size(); i++) {
                JsonObject row = t.getJsonObject(i);
                events += row.getLong("events");
                first = first == null || row.getString("first_seen").compareTo(first) < 0 ? row.getString("first_seen") : first;
                last = last == null || row.getString("last_seen").compareTo(last) > 0 ? row.getString("last_seen") : last;
            }
            return Optional.of(new JsonObject().put("player_id", playerId).put("arena_player", arena.result())
                    .put("events", events).put("games", games.result()).put("first_seen", first)
                    .put("last_seen", last).put("types", t).put("days", days.result()));
        });
    }

    /** The Arena player whose id is this string, if any: the analytics link to it. */
    private Future<JsonObject> arenaPlayer(String playerId) {
        UUID id;
        try {
            id = playerId.length() == 36 ? UUID.fromString(playerId) : null;
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            return Future.succeededFuture(null);
        }
        return pool.preparedQuery("SELECT id, display_name FROM players WHERE id = $1").execute(Tuple.of(id))
                .map(rs -> rs.size() == 0 ? null : new JsonObject().put("id", rs.iterator().next().getUUID(0).toString())
                        .put("display_name", rs.iterator().next().getString(1)));
    }

    @Override
    public Future<JsonObject> modes(Instant from, Instant to, String bucket) {
        return rows("SELECT mode, date_trunc($3, hour, 'UTC') AS bucket, type, sum(events), sum(value_sum) "
                        + "FROM log_mode_hours WHERE hour >= $1 AND hour < $2 GROUP BY 1, 2, 3 ORDER BY 2, 1, 3",
                Tuple.of(ts(from), ts(to), bucket), r -> new JsonObject().put("mode", r.getString(0))
                        .put("start", instant(r, 1)).put("type", r.getString(2)).put("events", r.getLong(3))
                        .put("value_sum", r.getDouble(4)))
                .map(rows -> new JsonObject().put("from", from.toString()).put("to", to.toString())
                        .put("bucket", bucket).put("rows", rows));
    }

    /**
     * All time: the totals kept per player and type, the type's rows (one per player) read by its index and the best
     * kept (a top-N sort): bounded by players, not events. V15 dropped V13's index on the sums, which made every
     * batch's update of these totals a full one (new index entries) instead of a heap-only one.
     */
    public static final String TOP_ALL_TIME = "SELECT player_id, events, value_sum FROM log_player_types "
            + "WHERE type = $1 ORDER BY value_sum DESC, events DESC, player_id LIMIT $2";
    /**
     * A period: the hours from {@code since} ($2) are the whole days from the first day start at or after it ($3),
     * read from the per-day rollup (V14), plus the hours before that day, read from the hourly one; summed per
     * player. The same sums as every hourly row since then, with at most 24 hourly rows per player.
     */
    public static final String TOP_SINCE = "SELECT player_id, sum(events) AS events, sum(value_sum) AS value_sum "
            + "FROM (SELECT player_id, events, value_sum FROM log_player_days WHERE type = $1 AND day >= $3 "
            + "UNION ALL SELECT player_id, events, value_sum FROM log_player_hours "
            + "WHERE type = $1 AND hour >= $2 AND hour < $3) AS period GROUP BY player_id "
            + "ORDER BY value_sum DESC, events DESC, player_id LIMIT $4";

    @Override
    public Future<JsonObject> top(String type, Instant since, int limit) {
        String sql = since == null ? TOP_ALL_TIME : TOP_SINCE;
        Tuple args = since == null ? Tuple.of(type, limit) : Tuple.of(type, ts(since), ts(nextDayStart(since)), limit);
        return rows(sql, args, r -> new JsonObject().put("player_id", r.getString(0))
                        .put("events", r.getLong(1)).put("value_sum", r.getDouble(2)))
                .map(rows -> new JsonObject().put("type", type).put("since", since == null ? null : since.toString())
                        .put("players", rows));
    }

    @Override
    public Future<Optional<JsonObject>> game(String gameId) {
        Future<Optional<JsonObject>> game = pool.preparedQuery("SELECT mode, events, first_ts, last_ts FROM log_games "
                + "WHERE game_id = $1").execute(Tuple.of(gameId)).map(rs -> {
                    if (rs.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rs.iterator().next();
                    Instant first = r.getOffsetDateTime(2).toInstant();
                    Instant last = r.getOffsetDateTime(3).toInstant();
                    return Optional.of(new JsonObject().put("game_id", gameId).put("mode", r.getString(0))
                            .put("events", r.getLong(1)).put("first_ts", first.toString()).put("last_ts", last.toString())
                            .put("duration_seconds", Duration.between(first, last).toMillis() / 1000.0));
                });
        Future<JsonArray> players = rows("SELECT player_id, events, value_sum FROM log_game_players WHERE game_id = $1 "
                + "ORDER BY events DESC, player_id", Tuple.of(gameId), r -> new JsonObject()
                .put("player_id", r.getString(0)).put("events", r.getLong(1)).put("value_sum", r.getDouble(2)));
        return Future.all(game, players).map(x -> game.result().map(g -> g.put("players", players.result())));
    }

    private Future<JsonArray> rows(String sql, Tuple args, java.util.function.Function<Row, JsonObject> f) {
        return pool.preparedQuery(sql).execute(args).map(rs -> {
            JsonArray out = new JsonArray();
            rs.forEach(r -> out.add(f.apply(r)));
            return out;
        });
    }

    private static String instant(Row r, int i) {
        return r.getOffsetDateTime(i).toInstant().toString();
    }

    /** The first UTC day start at or after {@code t}. */
    public static Instant nextDayStart(Instant t) {
        Instant day = t.truncatedTo(ChronoUnit.DAYS);
        return day.equals(t) ? t : day.plus(Duration.ofDays(1));
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
