package dev.arena.tournament.bracket;

/** Which player of a decided pairing moves on into a later slot. */
public enum Feed {
    WINNER,
    LOSER
}
