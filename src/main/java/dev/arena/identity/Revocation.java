package dev.arena.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * What a node must forget about a player's sessions, told to every node through {@link SessionRevocations}.
 *
 * @param playerId  whose sessions
 * @param sessionId the one session concerned, or null for every session of the player
 * @param endsSockets whether open sockets of those sessions are closed (4002): true when a session ended (logout,
 *                    sign out everywhere, admin revoke) or what a socket was opened with is no longer true (a role
 *                    change, a chat ban); false when only cached facts went stale (a new display name)
 */
public record Revocation(UUID playerId, UUID sessionId, boolean endsSockets) {

    public Revocation {
        Objects.requireNonNull(playerId, "playerId");
    }

    /** One session ended (logout). */
    public static Revocation session(UUID playerId, UUID sessionId) {
        return new Revocation(playerId, Objects.requireNonNull(sessionId, "sessionId"), true);
    }

    /** Every session of the player ended or changed meaning (sign out everywhere, admin revoke, role change, ban). */
    public static Revocation player(UUID playerId) {
        return new Revocation(playerId, null, true);
    }

    /** Only the cached facts of the player's sessions are stale (display name); sockets stay. */
    public static Revocation refresh(UUID playerId) {
        return new Revocation(playerId, null, false);
    }

    /** Whether this revocation concerns that session of that player. */
    public boolean covers(UUID player, UUID session) {
        return playerId.equals(player) && (sessionId == null || sessionId.equals(session));
    }
}
