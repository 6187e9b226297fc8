package dev.arena.chat;

import java.time.Instant;
import java.util.UUID;

/** A timed mute: {@code room} null means every room and direct messages. {@code by} is the moderator. */
public record Mute(UUID playerId, String room, Instant until, String reason, UUID by, Instant createdAt) {

    public boolean activeAt(Instant now) {
        return now.isBefore(until);
    }

    /** Does it silence the player in {@code room}? */
    public boolean covers(String room) {
        return this.room == null || this.room.equals(room);
    }
}
