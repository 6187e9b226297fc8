package dev.arena.tournament.bracket;

import java.util.List;
import java.util.Objects;

/**
 * A bracket as plain data: its format, seeds and every pairing with its state. {@link Brackets#restore}
 * turns it back into the same bracket.
 */
public record BracketSnapshot(Format format, List<Seed> seeds, List<Pairing> pairings) {

    public BracketSnapshot {
        Objects.requireNonNull(format, "format");
        seeds = List.copyOf(seeds);
        pairings = List.copyOf(pairings);
    }
}
