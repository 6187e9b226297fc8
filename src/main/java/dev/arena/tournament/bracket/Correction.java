package dev.arena.tournament.bracket;

import java.util.List;
import java.util.Objects;

/**
 * The bracket after an organiser replaced a result, and the pairings that lost their result or their
 * players because of it (in bracket order). A service deletes the stored results of exactly these.
 */
public record Correction(Bracket bracket, List<PairingId> reset) {

    public Correction {
        Objects.requireNonNull(bracket, "bracket");
        reset = List.copyOf(reset);
    }
}
