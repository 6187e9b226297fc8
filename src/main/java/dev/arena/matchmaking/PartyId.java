package dev.arena.matchmaking;

import java.util.Objects;
import java.util.UUID;

/** Identifies a party: players who queue together as one ticket and always end up on one team. */
public record PartyId(UUID value) {

    public PartyId {
        Objects.requireNonNull(value, "value");
    }

    public static PartyId random() {
        return new PartyId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
