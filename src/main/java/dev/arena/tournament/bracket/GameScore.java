package dev.arena.tournament.bracket;

/** Games won by each side of one pairing, as counted for game-difference tiebreaks. */
public record GameScore(int home, int away) {

    public int of(Side side) {
        return side == Side.HOME ? home : away;
    }
}
