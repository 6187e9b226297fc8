package dev.arena.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** A player (or spectator) of a match: the account id, in its own type. Written on the wire as the bare UUID. */
public record PlayerId(@JsonValue UUID value) implements Comparable<PlayerId> {

    public PlayerId {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static PlayerId of(UUID value) {
        return new PlayerId(value);
    }

    /** Parses a UUID string; throws {@link IllegalArgumentException} when it is not one. */
    public static PlayerId parse(String s) {
        return new PlayerId(UUID.fromString(s));
    }

    @Override
    public int compareTo(PlayerId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
