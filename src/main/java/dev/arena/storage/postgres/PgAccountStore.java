package dev.arena.storage.postgres;

import dev.arena.common.ArenaException;
import dev.arena.identity.Account;
import dev.arena.identity.AccountStore;
import dev.arena.identity.Role;
import dev.arena.identity.Session;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.List;
import java.util.UUID;

/** Accounts and sessions in PostgreSQL (tables from V1__identity.sql). */
public final class PgAccountStore implements AccountStore {
    private static final String ACCOUNT_COLUMNS =
            "id, username, display_name, password_hash, device_id, role, is_guest, created_at";

    private final Pool pool;

    public PgAccountStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Account> insert(Account a) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        INSERT INTO players (id, username, display_name, password_hash, device_id, role, is_guest,
                                             created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)""")
                        .execute(Tuple.from(new Object[] {a.id(), a.username(), a.displayName(), a.passwordHash(),
                                a.deviceId(), a.role().wire(), a.guest(), ts(a.createdAt())}))
                        .compose(r -> tx.preparedQuery("INSERT INTO player_stats (player_id) VALUES ($1)")
                                .execute(Tuple.of(a.id()))))
                .map(a)
                .recover(e -> Future.failedFuture(isUniqueViolation(e)
                        ? new ArenaException.Conflict(a.guest() ? "device already registered" : "username is taken")
                        : e));
    }

    @Override
    public Future<Optional<Account>> byId(UUID id) {
        return one("SELECT " + ACCOUNT_COLUMNS + " FROM players WHERE id = $1", Tuple.of(id));
    }

    @Override
    public Future<java.util.Map<UUID, String>> displayNames(java.util.Collection<UUID> ids) {
        return pool.preparedQuery("SELECT id, display_name FROM players WHERE id = ANY($1)")
                .execute(Tuple.of((Object) ids.toArray(UUID[]::new)))
                .map(rows -> {
                    java.util.Map<UUID, String> out = new java.util.HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID("id"), r.getString("display_name")));
                    return out;
                });
    }

    @Override
    public Future<Optional<Account>> byUsername(String username) {
        return one("SELECT " + ACCOUNT_COLUMNS + " FROM players WHERE lower(username) = lower($1)",
                Tuple.of(username));
    }

    @Override
    public Future<Optional<Account>> byDeviceId(String deviceId) {
        return one("SELECT " + ACCOUNT_COLUMNS + " FROM players WHERE device_id = $1", Tuple.of(deviceId));
    }

    /**
     * A range on {@code players_name_prefix} (V13): in the C collation every name that starts with the prefix sorts
     * between the prefix and the prefix followed by the highest code point, and the index already holds that order,
     * so a page is an index range scan whatever the prefix (a {@code LIKE} with a parameter may not use the index).
     */
    @Override
    public Future<List<Account>> byNamePrefix(String prefix, int limit, int offset) {
        return pool.preparedQuery("SELECT " + ACCOUNT_COLUMNS + " FROM players"
                        + " WHERE lower(display_name) COLLATE \"C\" >= $1 AND lower(display_name) COLLATE \"C\" < $2"
                        + " ORDER BY lower(display_name) COLLATE \"C\", id LIMIT $3 OFFSET $4")
                .execute(Tuple.of(prefix, prefix + Character.toString(Character.MAX_CODE_POINT), limit, offset))
                .map(rows -> {
                    List<Account> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(account(r)));
                    return out;
                });
    }

    @Override
    public Future<Account> updateDisplayName(UUID id, String displayName, Instant now) {
        return one("UPDATE players SET display_name = $2, updated_at = $3 WHERE id = $1 RETURNING " + ACCOUNT_COLUMNS,
                Tuple.of(id, displayName, ts(now)))
                .map(o -> o.orElseThrow(() -> new ArenaException.NotFound("no player with id " + id)));
    }

    @Override
    public Future<Account> updateRole(UUID id, Role role, Instant now) {
        return one("UPDATE players SET role = $2, updated_at = $3 WHERE id = $1 RETURNING " + ACCOUNT_COLUMNS,
                Tuple.of(id, role.wire(), ts(now)))
                .map(o -> o.orElseThrow(() -> new ArenaException.NotFound("no player with id " + id)));
    }

    @Override
    public Future<Void> touchLogin(UUID id, Instant now) {
        return pool.preparedQuery("UPDATE players SET last_login_at = $2 WHERE id = $1")
                .execute(Tuple.of(id, ts(now))).compose(v -> PgConsoleStats.active(pool, List.of(id), now));
    }

    @Override
    public Future<Void> insertSession(UUID sessionId, UUID playerId, byte[] refreshHash, Instant now,
                                      Instant expiresAt) {
        return pool.preparedQuery("""
                        INSERT INTO sessions (id, player_id, refresh_hash, created_at, expires_at)
                        VALUES ($1, $2, $3, $4, $5)""")
                .execute(Tuple.of(sessionId, playerId, Buffer.buffer(refreshHash), ts(now), ts(expiresAt)))
                .mapEmpty();
    }

    private static final String SESSION_SELECT = """
            SELECT s.id, s.player_id, p.role, p.display_name, s.expires_at, s.revoked_at
            FROM sessions s JOIN players p ON p.id = s.player_id""";

    @Override
    public Future<Optional<Session>> session(UUID sessionId) {
        return pool.preparedQuery(SESSION_SELECT + " WHERE s.id = $1").execute(Tuple.of(sessionId))
                .map(PgAccountStore::firstSession);
    }

    @Override
    public Future<Optional<Session>> sessionByRefreshHash(byte[] refreshHash) {
        return pool.preparedQuery(SESSION_SELECT + " WHERE s.refresh_hash = $1")
                .execute(Tuple.of(Buffer.buffer(refreshHash)))
                .map(PgAccountStore::firstSession);
    }

    @Override
    public Future<Boolean> rotateRefresh(UUID sessionId, byte[] oldHash, byte[] newHash, Instant now,
                                         Instant expiresAt) {
        // The WHERE on the old hash makes two concurrent refreshes with one token succeed at most once.
        return pool.preparedQuery("""
                        UPDATE sessions SET refresh_hash = $3, expires_at = $5
                        WHERE id = $1 AND refresh_hash = $2 AND revoked_at IS NULL AND expires_at > $4""")
                .execute(Tuple.of(sessionId, Buffer.buffer(oldHash), Buffer.buffer(newHash), ts(now), ts(expiresAt)))
                .map(r -> r.rowCount() == 1);
    }

    @Override
    public Future<Void> revokeSession(UUID sessionId, Instant now) {
        return pool.preparedQuery("UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(sessionId, ts(now))).mapEmpty();
    }

    @Override
    public Future<Void> revokeAllSessions(UUID playerId, Instant now) {
        return pool.preparedQuery("UPDATE sessions SET revoked_at = $2 WHERE player_id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(playerId, ts(now))).mapEmpty();
    }

    private Future<Optional<Account>> one(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? Optional.of(account(it.next())) : Optional.empty();
        });
    }

    private static Account account(Row r) {
        return new Account(r.getUUID("id"), r.getString("username"), r.getString("display_name"),
                r.getString("password_hash"), r.getString("device_id"), Role.fromWire(r.getString("role")),
                r.getBoolean("is_guest"), instant(r.getOffsetDateTime("created_at")));
    }

    private static Optional<Session> firstSession(RowSet<Row> rows) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Row r = it.next();
        return Optional.of(new Session(r.getUUID("id"), r.getUUID("player_id"), Role.fromWire(r.getString("role")),
                r.getString("display_name"), instant(r.getOffsetDateTime("expires_at")), instant(r.getOffsetDateTime("revoked_at"))));
    }

    static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
