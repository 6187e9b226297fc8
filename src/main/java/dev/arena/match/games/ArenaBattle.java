package dev.arena.match.games;

import dev.arena.match.GameFactory;
import dev.arena.match.GameInfo;
import dev.arena.match.GameRules;
import dev.arena.match.PlayerLimits;
import java.util.Map;

/**
 * {@code arena_battle}: a real-time free-for-all for 2–8 players on a square 2D arena, at 20 ticks per second.
 * Move, attack, block and blast; last one standing wins, or the highest HP when time runs out. The numbers
 * below are the rules (units, ticks); docs/MATCHES.md explains them.
 */
public final class ArenaBattle implements GameFactory<BattleSettings, BattleState, BattleInput> {
    public static final String MODE = "arena_battle";
    public static final int TICK_RATE = 20;
    public static final int MIN_PLAYERS = 2;
    public static final int MAX_PLAYERS = 8;

    /** Units per tick on the diagonal too: {@code dx² + dy² <= MAX_SPEED²}. */
    public static final int MAX_SPEED = 10;
    public static final int ATTACK_RANGE = 60;
    public static final int ATTACK_DAMAGE = 10;
    public static final int ATTACK_COOLDOWN_TICKS = 10;
    public static final int BLOCK_TICKS = 15;
    public static final int BLOCK_COOLDOWN_TICKS = 40;
    /** Damage that gets through a block, in percent (rounded down). */
    public static final int BLOCK_KEEP_PERCENT = 30;
    public static final int BLAST_RADIUS = 120;
    public static final int BLAST_DAMAGE = 20;
    public static final int BLAST_COOLDOWN_TICKS = 100;

    private static final GameInfo INFO = new GameInfo(MODE, TICK_RATE, new PlayerLimits(MIN_PLAYERS, MAX_PLAYERS));
    private static final ArenaBattleRules RULES = new ArenaBattleRules();

    @Override
    public GameInfo info() {
        return INFO;
    }

    @Override
    public BattleSettings settings(Map<String, ?> raw) {
        return BattleSettings.parse(raw);
    }

    @Override
    public GameRules<BattleSettings, BattleState, BattleInput> rules() {
        return RULES;
    }
}
