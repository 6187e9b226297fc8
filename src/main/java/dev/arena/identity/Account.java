package dev.arena.identity;

import java.time.Instant;
import java.util.UUID;

/** An account as stored, with its credential hash. Stays inside {@code identity} and storage. */
public record Account(UUID id, String username, String displayName, String passwordHash, String deviceId, Role role,
                      boolean guest, Instant createdAt) {

    public Player view() {
        return new Player(id, username, displayName, role, guest, createdAt);
    }
}
