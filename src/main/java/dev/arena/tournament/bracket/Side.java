package dev.arena.tournament.bracket;

/** One side of a pairing. Home is the side listed first (the better seed or ranking where that applies). */
public enum Side {
    HOME,
    AWAY;

    public Side other() {
        return this == HOME ? AWAY : HOME;
    }
}
