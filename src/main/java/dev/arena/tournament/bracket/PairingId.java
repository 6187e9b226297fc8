package dev.arena.tournament.bracket;

import java.util.Objects;

/**
 * Stable id of one pairing, derived only from the format, the number of players and the pairing's place
 * in the bracket ({@code W2-3}, {@code L4-1}, {@code GF1}, {@code 3RD}, {@code R5-2}, {@code S3-7}), so a
 * service can use it as a primary key and the same bracket rebuilt from the same input has the same ids.
 */
public record PairingId(String value) {

    public PairingId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("pairing id must not be blank");
        }
    }

    public static PairingId of(String value) {
        return new PairingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
