package dev.arena.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A login. Access tokens name it; revoking it (logout) stops all of them at once. {@code role} and
 * {@code displayName} are the player's current ones, read with the session.
 */
public record Session(UUID id, UUID playerId, Role role, String displayName, Instant expiresAt, Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
