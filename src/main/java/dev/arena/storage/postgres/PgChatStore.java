package dev.arena.storage.postgres;

import static dev.arena.storage.postgres.PgAccountStore.instant;
import static dev.arena.storage.postgres.PgAccountStore.isUniqueViolation;
import static dev.arena.storage.postgres.PgAccountStore.ts;

import dev.arena.chat.Ban;
import dev.arena.chat.ChatMessage;
import dev.arena.chat.ChatStore;
import dev.arena.chat.ModerationStatus;
import dev.arena.chat.Mute;
import dev.arena.common.ArenaException;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Chat history, mutes and bans in PostgreSQL (tables from V2__chat.sql). */
public final class PgChatStore implements ChatStore {
    private static final String MESSAGE_COLUMNS = "id, room, sender_id, display_name, message, created_at";
    private static final String MUTE_COLUMNS = "player_id, room, until, reason, muted_by, created_at";
    private static final String BAN_COLUMNS = "player_id, reason, banned_by, created_at";

    private final Pool pool;

    public PgChatStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<ChatMessage> append(Draft d) {
        return pool.preparedQuery("""
                        INSERT INTO chat_messages (room, sender_id, display_name, message, created_at, filtered)
                        VALUES ($1, $2, $3, $4, $5, $6) RETURNING id""")
                .execute(Tuple.of(d.room(), d.from(), d.displayName(), d.message(), ts(d.ts()), d.filtered()))
                .map(rows -> d.stored(rows.iterator().next().getLong("id")));
    }

    @Override
    public Future<List<ChatMessage>> newestBefore(List<String> rooms, long before, int limit) {
        return pool.preparedQuery("SELECT " + MESSAGE_COLUMNS
                        + " FROM chat_messages WHERE room = ANY($1) AND id < $2 ORDER BY id DESC LIMIT $3")
                .execute(Tuple.of(rooms.toArray(String[]::new), before, limit))
                .map(rows -> {
                    List<ChatMessage> out = new ArrayList<>(rows.size());
                    rows.forEach(r -> out.add(new ChatMessage(r.getLong("id"), r.getString("room"),
                            r.getUUID("sender_id"), r.getString("display_name"), r.getString("message"),
                            instant(r.getOffsetDateTime("created_at")))));
                    return out;
                });
    }

    @Override
    public Future<Mute> mute(Mute m, Instant now) {
        // The open mute for the same player and room ends where the new one starts (or where it ran out).
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                UPDATE chat_mutes
                                SET lifted_at = LEAST(until, $3),
                                    lifted_by = CASE WHEN until > $3 THEN $4::uuid END
                                WHERE player_id = $1 AND room IS NOT DISTINCT FROM $2::text AND lifted_at IS NULL""")
                        .execute(Tuple.of(m.playerId(), m.room(), ts(now), m.by()))
                        .compose(r -> tx.preparedQuery("INSERT INTO chat_mutes (" + MUTE_COLUMNS
                                        + ") VALUES ($1, $2, $3, $4, $5, $6)")
                                .execute(Tuple.from(new Object[] {m.playerId(), m.room(), ts(m.until()), m.reason(),
                                        m.by(), ts(m.createdAt())}))))
                .map(m)
                .recover(e -> Future.failedFuture(translate(e, m.playerId(),
                        "the player's mute was changed at the same time; try again")));
    }

    @Override
    public Future<Integer> unmute(UUID playerId, Optional<String> room, UUID by, Instant now) {
        String where = "player_id = $1 AND lifted_at IS NULL AND until > $2" + (room.isPresent() ? " AND room = $4" : "");
        Tuple args = Tuple.of(playerId, ts(now), by);
        room.ifPresent(args::addString);
        return pool.preparedQuery("UPDATE chat_mutes SET lifted_at = $2, lifted_by = $3 WHERE " + where)
                .execute(args).map(RowSet::rowCount);
    }

    @Override
    public Future<Ban> ban(Ban b) {
        return pool.preparedQuery("INSERT INTO chat_bans (" + BAN_COLUMNS + ") VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(b.playerId(), b.reason(), b.by(), ts(b.createdAt())))
                .map(b)
                .recover(e -> Future.failedFuture(translate(e, b.playerId(), "the player is already banned")));
    }

    @Override
    public Future<Boolean> unban(UUID playerId, UUID by, Instant now) {
        return pool.preparedQuery("""
                        UPDATE chat_bans SET lifted_at = $2, lifted_by = $3
                        WHERE player_id = $1 AND lifted_at IS NULL""")
                .execute(Tuple.of(playerId, ts(now), by)).map(r -> r.rowCount() > 0);
    }

    @Override
    public Future<ModerationStatus> status(UUID playerId, Instant now) {
        // Both queries are sent together (pipelined on the pool).
        Future<RowSet<Row>> mutes = pool.preparedQuery("SELECT " + MUTE_COLUMNS
                        + " FROM chat_mutes WHERE player_id = $1 AND lifted_at IS NULL AND until > $2 ORDER BY id")
                .execute(Tuple.of(playerId, ts(now)));
        Future<RowSet<Row>> bans = pool.preparedQuery("SELECT " + BAN_COLUMNS
                        + " FROM chat_bans WHERE player_id = $1 AND lifted_at IS NULL")
                .execute(Tuple.of(playerId));
        return Future.all(mutes, bans).map(done -> group(mutes.result(), bans.result())
                .getOrDefault(playerId, ModerationStatus.none(playerId)));
    }

    @Override
    public Future<List<ModerationStatus>> restricted(Instant now) {
        Future<RowSet<Row>> mutes = pool.preparedQuery("SELECT " + MUTE_COLUMNS
                        + " FROM chat_mutes WHERE lifted_at IS NULL AND until > $1 ORDER BY id")
                .execute(Tuple.of(ts(now)));
        Future<RowSet<Row>> bans = pool.query("SELECT " + BAN_COLUMNS + " FROM chat_bans WHERE lifted_at IS NULL")
                .execute();
        return Future.all(mutes, bans).map(done -> List.copyOf(group(mutes.result(), bans.result()).values()));
    }

    private static Map<UUID, ModerationStatus> group(RowSet<Row> mutes, RowSet<Row> bans) {
        Map<UUID, Ban> banOf = new LinkedHashMap<>();
        Map<UUID, List<Mute>> mutesOf = new LinkedHashMap<>();
        bans.forEach(r -> banOf.put(r.getUUID("player_id"), new Ban(r.getUUID("player_id"), r.getString("reason"),
                r.getUUID("banned_by"), instant(r.getOffsetDateTime("created_at")))));
        mutes.forEach(r -> mutesOf.computeIfAbsent(r.getUUID("player_id"), k -> new ArrayList<>())
                .add(new Mute(r.getUUID("player_id"), r.getString("room"), instant(r.getOffsetDateTime("until")),
                        r.getString("reason"), r.getUUID("muted_by"), instant(r.getOffsetDateTime("created_at")))));
        Map<UUID, ModerationStatus> out = new LinkedHashMap<>();
        banOf.keySet().forEach(id -> out.put(id, null));
        mutesOf.keySet().forEach(id -> out.put(id, null));
        out.replaceAll((id, none) -> new ModerationStatus(id, banOf.get(id), mutesOf.getOrDefault(id, List.of())));
        return out;
    }

    /** Unique violation: a concurrent or duplicate change; foreign-key violation: the player does not exist. */
    private static Throwable translate(Throwable e, UUID playerId, String conflict) {
        if (isUniqueViolation(e)) {
            return new ArenaException.Conflict(conflict);
        }
        if (e instanceof PgException pg && "23503".equals(pg.getSqlState())) {
            return new ArenaException.NotFound("no player with id " + playerId);
        }
        return e;
    }
}
