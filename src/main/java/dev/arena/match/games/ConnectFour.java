package dev.arena.match.games;

import dev.arena.match.GameFactory;
import dev.arena.match.GameInfo;
import dev.arena.match.GameRules;
import dev.arena.match.PlayerLimits;
import java.util.Map;

/**
 * {@code connect_four}: two players take turns dropping discs into a 7-column, 6-row board; four in a row
 * (across, up or diagonal) wins, a full board is a draw. Turn-based, so it ticks only to enforce the turn clock
 * (10 Hz).
 */
public final class ConnectFour implements GameFactory<FourSettings, FourState, FourInput> {
    public static final String MODE = "connect_four";
    public static final int TICK_RATE = 10;
    public static final int COLUMNS = 7;
    public static final int ROWS = 6;

    private static final GameInfo INFO = new GameInfo(MODE, TICK_RATE, new PlayerLimits(2, 2));
    private static final ConnectFourRules RULES = new ConnectFourRules();

    @Override
    public GameInfo info() {
        return INFO;
    }

    @Override
    public FourSettings settings(Map<String, ?> raw) {
        return FourSettings.parse(raw);
    }

    @Override
    public GameRules<FourSettings, FourState, FourInput> rules() {
        return RULES;
    }
}
