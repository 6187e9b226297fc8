package dev.arena.tournament.bracket;

import java.util.Objects;

/** A player as the platform knows them; the bracket only compares ids, it never looks inside. */
public record PlayerId(String value) {

    public PlayerId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("player id must not be blank");
        }
    }

    public static PlayerId of(String value) {
        return new PlayerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
