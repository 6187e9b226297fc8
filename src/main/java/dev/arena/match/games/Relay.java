package dev.arena.match.games;

import dev.arena.match.GameFactory;
import dev.arena.match.GameInfo;
import dev.arena.match.GameRules;
import dev.arena.match.PlayerLimits;
import dev.arena.match.SettingsReader;
import java.util.Map;

/**
 * {@code relay}: for games whose logic runs on the clients (a studio's existing client-authoritative game). The
 * server seats the players, relays every input to everyone in the match as a {@code relay} event (logged, so the
 * match can be replayed), and takes the outcome from the players with {@code POST /games/{id}/finish}. The server
 * checks who may report and that the standings name the match's players; it cannot check the game itself.
 */
public final class Relay implements GameFactory<Relay.Settings, RelayRules.State, RelayRules.Input> {
    public static final String MODE = "relay";
    public static final int TICK_RATE = 10;

    /**
     * @param maxMinutes a match still running after this is abandoned ({@code time_limit}): relayed games never
     *                   end by themselves, so this bounds a forgotten one
     * @param maxInputs  inputs relayed before further ones are refused ({@code log_full}): bounds the log
     */
    public record Settings(int maxMinutes, int maxInputs) {
        public static final Settings DEFAULTS = new Settings(60, 100_000);
    }

    private static final GameInfo INFO = new GameInfo(MODE, TICK_RATE, new PlayerLimits(2, 16));
    private static final RelayRules RULES = new RelayRules();

    @Override
    public GameInfo info() {
        return INFO;
    }

    /** {@code max_minutes} 1–1440 (60), {@code max_inputs} 1–1,000,000 (100,000). */
    @Override
    public Settings settings(Map<String, ?> raw) {
        SettingsReader r = new SettingsReader(raw);
        int minutes = r.integer("max_minutes", Settings.DEFAULTS.maxMinutes(), 1, 1440);
        int inputs = r.integer("max_inputs", Settings.DEFAULTS.maxInputs(), 1, 1_000_000);
        r.done();
        return new Settings(minutes, inputs);
    }

    @Override
    public GameRules<Settings, RelayRules.State, RelayRules.Input> rules() {
        return RULES;
    }

    @Override
    public boolean relayed() {
        return true;
    }
}
