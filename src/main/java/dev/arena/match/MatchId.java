package dev.arena.match;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies one match (the {@code game_id} of the HTTP API). */
public record MatchId(@JsonValue UUID value) {

    public MatchId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static MatchId of(UUID value) {
        return new MatchId(value);
    }

    public static MatchId random() {
        return new MatchId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
