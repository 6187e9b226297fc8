package dev.arena.tournament.bracket;

import java.util.Objects;

/** A round of one side of a bracket; numbers start at 1 on each side. */
public record Round(int number, BracketSide side) {

    public Round {
        Objects.requireNonNull(side, "side");
        if (number < 1) {
            throw new IllegalArgumentException("round number must be >= 1, got " + number);
        }
    }

    public static Round winners(int number) {
        return new Round(number, BracketSide.WINNERS);
    }

    public static Round losers(int number) {
        return new Round(number, BracketSide.LOSERS);
    }

    public static Round grandFinal(int number) {
        return new Round(number, BracketSide.FINAL);
    }
}
