package dev.arena.tournament.bracket;

import java.util.Objects;

public record TiebreakScore(Tiebreak tiebreak, int value) {

    public TiebreakScore {
        Objects.requireNonNull(tiebreak, "tiebreak");
    }
}
