package dev.arena.console;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What the admin console reads and changes in PostgreSQL beyond what other services already own. */
public interface ConsoleStore {

    /** A page of a list; {@code next} is what to pass for the following page, null on the last one. */
    record Page<T>(List<T> items, String next) {}

    /** A player as the console lists it. */
    record PlayerRow(UUID id, String username, String displayName, String role, boolean isGuest, Instant createdAt,
                     Instant lastLoginAt) {}

    record SessionRow(UUID id, Instant createdAt, Instant expiresAt, Instant revokedAt) {}

    record RatingRow(String mode, double rating, double deviation, int games) {}

    /**
     * A chat message as the console lists it. {@code filtered}: the profanity filter masked this one;
     * {@code senderFilterHits}: how many of the sender's messages in this room it masked (this one included).
     */
    record MessageRow(long id, String room, UUID senderId, String displayName, String message, Instant createdAt,
                      boolean filtered, long senderFilterHits) {}

    /** Players whose username starts with {@code query} (case-insensitive), or the one with that id; by name. */
    Future<Page<PlayerRow>> players(String query, String after, int limit);

    Future<Optional<PlayerRow>> player(UUID id);

    Future<List<SessionRow>> sessions(UUID player, int limit);

    Future<List<RatingRow>> ratings(UUID player);

    /** Recent messages of a room, newest first, optionally only those containing {@code text}; paged by id. */
    Future<Page<MessageRow>> messages(String room, String text, Long before, int limit);

    /** Everything stored about the player that is theirs: account, sessions, stats, ratings, games, chat. */
    Future<JsonObject> export(UUID player);

    /** Deletes the account and its personal data (sessions, stats, ratings, chat messages); false if none. */
    Future<Boolean> delete(UUID player);

    /** Makes a failing result job due now; false if there is no such waiting job. */
    Future<Boolean> retryJob(String step, UUID gameId);

    Future<AuditEntry> audit(AuditEntry entry);

    /** Audit entries, newest first, whose action, target, actor name or reason contain {@code text}. */
    Future<Page<AuditEntry>> auditLog(String text, Long before, int limit);
}
