package dev.arena.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an account may do. Ranked: each role can do everything the lower ranks can. A {@code VIEWER} reads the
 * console (players, matches, queues, jobs, audit) but may change nothing: every console action requires at least
 * {@code MODERATOR}. {@code INGEST} is a service account's role beside the ranking: a player's rights plus sending
 * game logs (docs/LOGS.md), nothing a viewer or moderator may do; it is declared last so the others keep their
 * order.
 */
public enum Role {
    PLAYER(0), VIEWER(1), MODERATOR(2), ADMIN(3), INGEST(0);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public boolean atLeast(Role other) {
        return rank >= other.rank;
    }

    /**
     * Console accounts (viewers, moderators, admins) may watch a private game a player made (read its state,
     * spectate it, read it once stored): they look into reports about such games, and watching changes nothing, so
     * the read-only viewer may too. The one rule of {@code GET /games/{id}/state} and the socket's
     * {@code match.spectate} (docs/SECURITY.md).
     */
    public boolean mayWatchPrivateGames() {
        return atLeast(VIEWER);
    }

    /** Admins and ingest accounts may send and read game logs. */
    public boolean mayIngestLogs() {
        return this == ADMIN || this == INGEST;
    }
}
