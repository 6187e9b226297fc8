package dev.arena.tournament.bracket;

/**
 * Which part of a bracket a round belongs to. Round robin, Swiss and single elimination (including its
 * third-place match) use only {@code WINNERS}; double elimination uses all three.
 */
public enum BracketSide {
    WINNERS,
    LOSERS,
    FINAL
}
