package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.Objects;
import java.util.UUID;

/** A player entered at a seed rank: 1 is the strongest. Ranks of one bracket are exactly 1..n. */
public record Seed(PlayerId player, int rank) {

    public Seed {
        Objects.requireNonNull(player, "player");
        if (rank < 1) {
            throw new IllegalArgumentException("seed rank must be >= 1, got " + rank);
        }
    }

    public static Seed of(UUID player, int rank) {
        return new Seed(new PlayerId(player), rank);
    }
}
