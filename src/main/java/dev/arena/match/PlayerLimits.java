package dev.arena.match;

/** How many players a game needs to start ({@code min}) and can seat at most ({@code max}). */
public record PlayerLimits(int min, int max) {
    /** A hard ceiling for any game, so one match cannot swallow a node. */
    public static final int CEILING = 64;

    public PlayerLimits {
        if (min < 1 || max < min || max > CEILING) {
            throw new IllegalArgumentException("player limits must satisfy 1 <= min <= max <= " + CEILING
                    + ", were " + min + ".." + max);
        }
    }

    public boolean allows(int players) {
        return players >= min && players <= max;
    }
}
