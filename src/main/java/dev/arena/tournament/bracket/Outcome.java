package dev.arena.tournament.bracket;

/** How a decided pairing ended. {@code DRAW} only exists in formats that allow drawn pairings. */
public enum Outcome {
    HOME_WIN,
    AWAY_WIN,
    DRAW;

    public static Outcome winBy(Side side) {
        return side == Side.HOME ? HOME_WIN : AWAY_WIN;
    }
}
