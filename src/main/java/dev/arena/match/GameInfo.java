package dev.arena.match;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the platform needs to know about a game before running it.
 *
 * @param mode     the game's name in the API ({@code POST /games/create {mode}}), 1–32 of {@code a-z 0-9 _}
 * @param tickRate ticks per second, 1–60; every match of this game ticks at this rate
 * @param players  how many players a match needs to start and may seat
 */
public record GameInfo(String mode, int tickRate, PlayerLimits players) {
    private static final Pattern MODE = Pattern.compile("[a-z0-9_]{1,32}");
    public static final int MIN_TICK_RATE = 1;
    public static final int MAX_TICK_RATE = 60;

    public GameInfo {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(players, "players");
        if (!MODE.matcher(mode).matches()) {
            throw new IllegalArgumentException("mode must be 1-32 characters of a-z 0-9 _, was '" + mode + "'");
        }
        if (tickRate < MIN_TICK_RATE || tickRate > MAX_TICK_RATE) {
            throw new IllegalArgumentException("tick rate must be 1-60 Hz, was " + tickRate);
        }
    }

    /** The number of whole ticks covering {@code d} at this game's rate, rounded up (0 for a zero duration). */
    public long ticks(java.time.Duration d) {
        long nanos = d.toNanos();
        long period = 1_000_000_000L / tickRate;
        return (nanos + period - 1) / period;
    }
}
