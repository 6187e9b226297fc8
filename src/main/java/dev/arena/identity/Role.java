package dev.arena.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What an account may do. Ordered: each role can do everything the ones before it can. A {@code VIEWER} reads the
 * console (players, matches, queues, jobs, audit) but may change nothing: every console action requires at least
 * {@code MODERATOR}.
 */
public enum Role {
    PLAYER, VIEWER, MODERATOR, ADMIN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
