package dev.arena.match;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one match (the {@code game_id} of the HTTP API). */
public record MatchId(@JsonValue UUID value) {

    public MatchId {
        Objects.requireNonNull(value, "value");
    }

    public static MatchId random() {
        return new MatchId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
