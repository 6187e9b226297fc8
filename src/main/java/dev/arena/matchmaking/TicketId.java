package dev.arena.matchmaking;

import java.util.Objects;
import java.util.UUID;

/** Identifies one matchmaking ticket; its own type so it is never confused with a player or party id. */
public record TicketId(UUID value) {

    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    public static TicketId random() {
        return new TicketId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
