package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.ts;

import dev.arena.metrics.PlayerStatistics;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Player statistics from the V11 rollups. Every read is an index range or a primary-key lookup whose cost does not
 * grow with the number of results: DAU is one {@code console_daily} row, 7-day actives and new players are range
 * counts on {@code players(active_on)} and {@code players(created_at)}, games per hour read at most 24 x modes rows of
 * {@code console_games_hourly}, top players take the first rows of {@code ratings_board} per mode and their rating
 * changes from {@code rating_changes(player_id, mode, changed_at)}. The summary is also cached for {@link #FRESH}, so
 * twenty dashboards cost one set of queries.
 */
public final class PgConsoleStats implements PlayerStatistics {
    static final String STEP = "console";
    static final Duration FRESH = Duration.ofSeconds(30);
    static final int TOP = 10;

    private final Pool pool;
    private final List<String> modes;
    private final Clock clock;
    private volatile Future<Summary> cached;
    private volatile Instant cachedAt = Instant.MIN;

    public PgConsoleStats(Pool pool, List<String> modes, Clock clock) {
        this.pool = pool;
        this.modes = List.copyOf(modes);
        this.clock = clock;
    }

    /**
     * Marks players active today; counts each one into today's DAU only the first time (the row lock of the player's
     * UPDATE makes two concurrent logins count once).
     */
    static Future<Void> active(SqlClient client, List<UUID> players, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return client.preparedQuery("""
                        WITH first AS (
                            UPDATE players SET active_on = $2
                            WHERE id = ANY($1) AND (active_on IS NULL OR active_on < $2) RETURNING 1)
                        INSERT INTO console_daily (day, active_players)
                        SELECT $2, count(*) FROM first HAVING count(*) > 0
                        ON CONFLICT (day) DO UPDATE SET active_players = console_daily.active_players + EXCLUDED.active_players""")
                .execute(Tuple.of(players.toArray(UUID[]::new), day)).mapEmpty();
    }

    @Override
    public Future<Void> countMatch(UUID gameId, String mode, List<UUID> players, Instant finishedAt) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> PgSteps.claim(tx, gameId, STEP, now).compose(first -> !first
                ? Future.succeededFuture()
                : tx.preparedQuery("""
                                INSERT INTO console_games_hourly (hour, mode, games) VALUES ($1, $2, 1)
                                ON CONFLICT (hour, mode) DO UPDATE SET games = console_games_hourly.games + 1""")
                        .execute(Tuple.of(ts(finishedAt.truncatedTo(ChronoUnit.HOURS)), mode))
                        .compose(v -> active(tx, players, finishedAt))));
    }

    @Override
    public Future<Summary> summary() {
        Instant now = clock.instant();
        Future<Summary> c = cached;
        if (c != null && !c.failed() && now.isBefore(cachedAt.plus(FRESH))) {
            return c;
        }
        cachedAt = now;
        Future<Summary> fresh = read(now);
        cached = fresh;
        return fresh;
    }

    private Future<Summary> read(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant midnight = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        Future<Row> counts = pool.preparedQuery("""
                        SELECT (SELECT count(*) FROM players WHERE created_at >= $1) AS new_today,
                               (SELECT count(*) FROM players WHERE created_at >= $2) AS new_week,
                               (SELECT active_players FROM console_daily WHERE day = $3) AS active_today,
                               (SELECT count(*) FROM players WHERE active_on >= $4) AS active_week""")
                .execute(Tuple.of(ts(midnight), ts(midnight.minus(Duration.ofDays(6))), today, today.minusDays(6)))
                .map(rows -> rows.iterator().next());
        Future<List<HourlyGames>> hourly = pool.preparedQuery("""
                        SELECT hour, mode, games FROM console_games_hourly WHERE hour > $1 ORDER BY hour, mode""")
                .execute(Tuple.of(ts(now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(24)))))
                .map(rows -> {
                    List<HourlyGames> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new HourlyGames(r.getOffsetDateTime("hour").toInstant(),
                            r.getString("mode"), r.getInteger("games"))));
                    return out;
                });
        Future<Map<String, List<TopPlayer>>> top = pool.preparedQuery("""
                        SELECT m.mode, r.player_id, p.display_name, r.rating, r.games,
                               COALESCE((SELECT sum(c.rating_after - c.rating_before) FROM rating_changes c
                                         WHERE c.player_id = r.player_id AND c.mode = m.mode AND c.changed_at >= $2),
                                        0) AS change
                        FROM unnest($1::text[]) AS m(mode)
                        CROSS JOIN LATERAL (SELECT player_id, rating, games FROM ratings
                                            WHERE mode = m.mode ORDER BY rating DESC LIMIT $3) r
                        JOIN players p ON p.id = r.player_id
                        ORDER BY m.mode, r.rating DESC""")
                .execute(Tuple.of(modes.toArray(String[]::new), ts(now.minus(Duration.ofHours(24))), TOP))
                .map(rows -> {
                    Map<String, List<TopPlayer>> out = new LinkedHashMap<>();
                    modes.forEach(m -> out.put(m, new ArrayList<>()));
                    rows.forEach(r -> out.computeIfAbsent(r.getString("mode"), k -> new ArrayList<>())
                            .add(new TopPlayer(r.getUUID("player_id"), r.getString("display_name"),
                                    r.getDouble("rating"), r.getInteger("games"), r.getDouble("change"))));
                    return out;
                });
        return Future.all(counts, hourly, top).map(v -> {
            Row r = counts.result();
            Integer activeToday = r.getInteger("active_today");
            return new Summary(now, r.getLong("new_today"), r.getLong("new_week"),
                    activeToday == null ? 0 : activeToday, r.getLong("active_week"), hourly.result(), top.result());
        });
    }

    /** Tournaments running now (the table holds hundreds of rows, not millions: a plain count). */
    public Future<Long> tournamentsRunning() {
        return pool.query("SELECT count(*) FROM tournaments WHERE status = 'running'").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
