package dev.arena.identity;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Persistence of accounts and sessions, implemented in {@code storage.postgres}. */
public interface AccountStore {

    /** Fails with {@code ArenaException.Conflict} when the username (any case) or device id is taken. */
    Future<Account> insert(Account account);

    Future<Optional<Account>> byId(UUID id);

    /** Case-insensitive. */
    Future<Optional<Account>> byUsername(String username);

    /** Display names of the accounts that exist among {@code ids} (leaderboards show names, not ids). */
    Future<java.util.Map<UUID, String>> displayNames(java.util.Collection<UUID> ids);

    Future<Optional<Account>> byDeviceId(String deviceId);

    /**
     * Accounts whose display name starts with {@code prefix} (lower-cased by the caller), in the order of their
     * lower-cased names then ids; {@code limit} rows from {@code offset}.
     */
    Future<java.util.List<Account>> byNamePrefix(String prefix, int limit, int offset);

    Future<Account> updateDisplayName(UUID id, String displayName, Instant now);

    Future<Account> updateRole(UUID id, Role role, Instant now);

    Future<Void> touchLogin(UUID id, Instant now);

    Future<Void> insertSession(UUID sessionId, UUID playerId, byte[] refreshHash, Instant now, Instant expiresAt);

    /** The session with the player's current role, or empty when unknown. */
    Future<Optional<Session>> session(UUID sessionId);

    Future<Optional<Session>> sessionByRefreshHash(byte[] refreshHash);

    /** Replaces the refresh token of an active session; false when it was revoked or expired meanwhile. */
    Future<Boolean> rotateRefresh(UUID sessionId, byte[] oldHash, byte[] newHash, Instant now, Instant expiresAt);

    Future<Void> revokeSession(UUID sessionId, Instant now);

    /** Revokes every active session of the player (sign out everywhere). */
    Future<Void> revokeAllSessions(UUID playerId, Instant now);
}
