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

    /** No settings yet; unknown keys are refused like in every game. */
    public record Settings() {}

    private static final GameInfo INFO = new GameInfo(MODE, TICK_RATE, new PlayerLimits(2, 16));
    private static final RelayRules RULES = new RelayRules();

    @Override
    public GameInfo info() {
        return INFO;
    }

    @Override
    public Settings settings(Map<String, ?> raw) {
        new SettingsReader(raw).done();
        return new Settings();
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
