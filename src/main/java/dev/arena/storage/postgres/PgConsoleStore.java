package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.ts;

import dev.arena.common.Json;
import dev.arena.console.AuditEntry;
import dev.arena.console.ConsoleStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The console's queries. Lists are paged by keyset (a name or an id to continue after), never by OFFSET, so the
 * thousandth page costs what the first does; searches are prefix matches on indexes (players by
 * {@code lower(username)}) or bounded scans of one room's or the audit log's newest rows.
 */
public final class PgConsoleStore implements ConsoleStore {
    private static final String PLAYER_COLUMNS =
            "id, username, display_name, role, is_guest, created_at, last_login_at";
    private final Pool pool;

    public PgConsoleStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Page<PlayerRow>> players(String query, String after, int limit) {
        String q = query == null ? "" : query.strip();
        UUID id = uuid(q);
        if (id != null) {
            return player(id).map(p -> new Page<>(p.map(List::of).orElse(List.of()), null));
        }
        // LIKE patterns escaped: a name with % or _ matches itself only
        String prefix = q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return pool.preparedQuery("SELECT " + PLAYER_COLUMNS + """
                         FROM players
                        WHERE username IS NOT NULL AND lower(username) LIKE $1 AND lower(username) > $2
                        ORDER BY lower(username) LIMIT $3""")
                .execute(Tuple.of(prefix, after == null ? "" : after, limit + 1))
                .map(rows -> page(rows, limit, PgConsoleStore::playerRow, p -> p.username().toLowerCase()));
    }

    @Override
    public Future<Optional<PlayerRow>> player(UUID id) {
        return pool.preparedQuery("SELECT " + PLAYER_COLUMNS + " FROM players WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(playerRow(rows.iterator().next())));
    }

    @Override
    public Future<List<SessionRow>> sessions(UUID player, int limit) {
        return pool.preparedQuery("""
                        SELECT id, created_at, expires_at, revoked_at FROM sessions WHERE player_id = $1
                        ORDER BY created_at DESC LIMIT $2""")
                .execute(Tuple.of(player, limit))
                .map(rows -> list(rows, r -> new SessionRow(r.getUUID("id"), at(r, "created_at"),
                        at(r, "expires_at"), at(r, "revoked_at"))));
    }

    @Override
    public Future<List<RatingRow>> ratings(UUID player) {
        return pool.preparedQuery("SELECT mode, rating, deviation, games FROM ratings WHERE player_id = $1 ORDER BY mode")
                .execute(Tuple.of(player))
                .map(rows -> list(rows, r -> new RatingRow(r.getString("mode"), r.getDouble("rating"),
                        r.getDouble("deviation"), r.getInteger("games"))));
    }

    @Override
    public Future<Page<MessageRow>> messages(String room, String text, Long before, int limit) {
        String contains = text == null || text.isBlank() ? null
                : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // the room's index gives the newest rows first; a text filter reads at most 10,000 of them. The filter-hit
        // count is taken for the page's rows only, from the small partial index of filtered messages (V13_1).
        return pool.preparedQuery("""
                        SELECT page.*, (SELECT count(*) FROM chat_messages f
                                        WHERE f.room = page.room AND f.sender_id = page.sender_id AND f.filtered)
                                       AS sender_filter_hits
                        FROM (SELECT * FROM (SELECT id, room, sender_id, display_name, message, created_at, filtered
                                             FROM chat_messages WHERE room = $1 AND id < $2
                                             ORDER BY id DESC LIMIT 10000) recent
                              WHERE $3::text IS NULL OR message ILIKE $3 OR display_name ILIKE $3
                              ORDER BY id DESC LIMIT $4) page
                        ORDER BY id DESC""")
                .execute(Tuple.of(room, before == null ? Long.MAX_VALUE : before, contains, limit + 1))
                .map(rows -> page(rows, limit, r -> new MessageRow(r.getLong("id"), r.getString("room"),
                        r.getUUID("sender_id"), r.getString("display_name"), r.getString("message"),
                        at(r, "created_at"), r.getBoolean("filtered"), r.getLong("sender_filter_hits")),
                        m -> Long.toString(m.id())));
    }

    @Override
    public Future<JsonObject> export(UUID player) {
        Tuple id = Tuple.of(player);
        Future<RowSet<Row>> account = pool.preparedQuery("SELECT " + PLAYER_COLUMNS + ", device_id FROM players "
                + "WHERE id = $1").execute(id);
        Future<RowSet<Row>> sessions = pool.preparedQuery(
                "SELECT id, created_at, expires_at, revoked_at FROM sessions WHERE player_id = $1").execute(id);
        Future<RowSet<Row>> stats = pool.preparedQuery("SELECT * FROM player_stats WHERE player_id = $1").execute(id);
        Future<RowSet<Row>> ratings = pool.preparedQuery("SELECT * FROM ratings WHERE player_id = $1").execute(id);
        Future<RowSet<Row>> games = pool.preparedQuery("""
                SELECT gp.game_id, g.mode, gp.place, gp.score, gp.outcome, gp.finished_at
                FROM game_players gp JOIN games g ON g.id = gp.game_id WHERE gp.player_id = $1
                ORDER BY gp.finished_at DESC""").execute(id);
        Future<RowSet<Row>> chat = pool.preparedQuery(
                "SELECT id, room, message, created_at FROM chat_messages WHERE sender_id = $1 ORDER BY id").execute(id);
        return Future.all(List.of(account, sessions, stats, ratings, games, chat)).map(v -> {
            if (account.result().size() == 0) {
                throw new dev.arena.common.ArenaException.NotFound("no player with id " + player);
            }
            return new JsonObject()
                    .put("account", json(account.result()).getJsonObject(0))
                    .put("sessions", json(sessions.result()))
                    .put("stats", json(stats.result()))
                    .put("ratings", json(ratings.result()))
                    .put("games", json(games.result()))
                    .put("chat_messages", json(chat.result()));
        });
    }

    @Override
    public Future<Boolean> delete(UUID player) {
        // game_players and rating_changes stay: other players' results and histories must not change; they hold
        // an id only, which points at nothing once the account is gone
        return pool.withTransaction(tx -> tx.preparedQuery("DELETE FROM chat_messages WHERE sender_id = $1")
                .execute(Tuple.of(player))
                .compose(v -> tx.preparedQuery("DELETE FROM ratings WHERE player_id = $1").execute(Tuple.of(player)))
                .compose(v -> tx.preparedQuery("DELETE FROM players WHERE id = $1 RETURNING id")
                        .execute(Tuple.of(player)))
                .map(rows -> rows.size() == 1));
    }

    @Override
    public Future<Boolean> retryJob(String step, UUID gameId) {
        return pool.preparedQuery("""
                        UPDATE scheduled_tasks SET execution_time = now()
                        WHERE task_name = $1 AND task_instance = $2 AND NOT picked RETURNING task_name""")
                .execute(Tuple.of("result." + step, gameId.toString())).map(rows -> rows.size() == 1);
    }

    @Override
    public Future<AuditEntry> audit(AuditEntry e) {
        return pool.preparedQuery("""
                        INSERT INTO audit_log (at, actor_id, actor_name, action, target, reason, detail)
                        VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb) RETURNING id""")
                .execute(Tuple.from(new Object[] {ts(e.at()), e.actorId(), e.actorName(), e.action(), e.target(),
                        e.reason(), Json.encodeToString(e.detail())}))
                .map(rows -> new AuditEntry(rows.iterator().next().getLong("id"), e.at(), e.actorId(), e.actorName(),
                        e.action(), e.target(), e.reason(), e.detail()));
    }

    @Override
    public Future<Page<AuditEntry>> auditLog(String text, Long before, int limit) {
        String contains = text == null || text.isBlank() ? null
                : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return pool.preparedQuery("""
                        SELECT id, at, actor_id, actor_name, action, target, reason, detail::text AS detail
                        FROM audit_log WHERE id < $1 AND ($2::text IS NULL OR action ILIKE $2 OR target ILIKE $2
                                                         OR actor_name ILIKE $2 OR reason ILIKE $2)
                        ORDER BY id DESC LIMIT $3""")
                .execute(Tuple.of(before == null ? Long.MAX_VALUE : before, contains, limit + 1))
                .map(rows -> page(rows, limit, r -> new AuditEntry(r.getLong("id"), at(r, "at"), r.getUUID("actor_id"),
                        r.getString("actor_name"), r.getString("action"), r.getString("target"),
                        r.getString("reason"), new JsonObject(r.getString("detail")).getMap()),
                        a -> Long.toString(a.id())));
    }

    private static <T> Page<T> page(RowSet<Row> rows, int limit, Function<Row, T> map, Function<T, String> cursor) {
        List<T> items = list(rows, map);
        if (items.size() <= limit) {
            return new Page<>(items, null);
        }
        items = items.subList(0, limit);
        return new Page<>(List.copyOf(items), cursor.apply(items.getLast()));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(map.apply(r)));
        return out;
    }

    private static PlayerRow playerRow(Row r) {
        return new PlayerRow(r.getUUID("id"), r.getString("username"), r.getString("display_name"),
                r.getString("role"), r.getBoolean("is_guest"), at(r, "created_at"), at(r, "last_login_at"));
    }

    private static Instant at(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    /** Rows as JSON objects, column names as they are (snake_case already), values as the wire mapper writes. */
    private static JsonArray json(RowSet<Row> rows) {
        JsonArray out = new JsonArray();
        for (Row r : rows) {
            JsonObject o = new JsonObject();
            for (int i = 0; i < r.size(); i++) {
                Object v = r.getValue(i);
                o.put(r.getColumnName(i), v instanceof OffsetDateTime t ? t.toInstant().toString()
                        : v instanceof UUID u ? u.toString() : v instanceof Map<?, ?> || v instanceof List<?>
                        ? Json.encodeToString(v) : v);
            }
            out.add(o);
        }
        return out;
    }

    private static UUID uuid(String s) {
        try {
            return s.length() == 36 ? UUID.fromString(s) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
