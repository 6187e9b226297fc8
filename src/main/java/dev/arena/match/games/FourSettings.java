package dev.arena.match.games;

import dev.arena.match.SettingsReader;
import java.util.Map;

/**
 * Per-match settings of {@code connect_four}.
 *
 * @param turnSeconds time to make a move; a player who lets it run out loses ({@code timeout}). 0 for no limit.
 */
public record FourSettings(int turnSeconds) {

    public static final FourSettings DEFAULTS = new FourSettings(60);

    public FourSettings {
        if (turnSeconds != 0 && (turnSeconds < 5 || turnSeconds > 3600)) {
            throw new IllegalArgumentException("turnSeconds must be 0 or 5-3600, was " + turnSeconds);
        }
    }

    /** {@code turn_seconds}: 0 (no limit) or 5–3600, default 60. */
    public static FourSettings parse(Map<String, ?> raw) {
        SettingsReader r = new SettingsReader(raw);
        int turn = r.integer("turn_seconds", DEFAULTS.turnSeconds(), 0, 3600);
        if (turn > 0 && turn < 5) {
            r.error("turn_seconds", "must be 0 (no limit) or at least 5");
        }
        r.done();
        return new FourSettings(turn);
    }

    public long turnTicks() {
        return (long) turnSeconds * ConnectFour.TICK_RATE;
    }
}
