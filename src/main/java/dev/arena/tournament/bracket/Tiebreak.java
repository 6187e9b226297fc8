package dev.arena.tournament.bracket;

/** Tiebreaks a standing can carry, in the order its format applies them (see docs/TOURNAMENTS.md). */
public enum Tiebreak {
    /** Round robin: points scored in pairings among the players tied on points. */
    HEAD_TO_HEAD,
    /** Games won minus games lost over all decided pairings (a walkover counts ceil(N/2)–0). */
    GAME_DIFFERENCE,
    /** Swiss: sum of the points of every opponent met. */
    BUCHHOLZ,
    /** Swiss: sum over opponents of (points scored against them × their points). */
    SONNEBORN_BERGER
}
