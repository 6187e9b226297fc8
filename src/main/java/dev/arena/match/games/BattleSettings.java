package dev.arena.match.games;

import dev.arena.match.SettingsReader;
import java.util.Map;

/**
 * Per-match settings of {@code arena_battle}.
 *
 * @param arenaSize        side of the square arena in units (positions run 0..arenaSize on both axes)
 * @param timeLimitSeconds the match ends after this long; the highest HP then wins
 * @param hitPoints        every fighter's starting (and maximum) HP
 */
public record BattleSettings(int arenaSize, int timeLimitSeconds, int hitPoints) {

    public static final BattleSettings DEFAULTS = new BattleSettings(1000, 120, 100);

    public BattleSettings {
        if (arenaSize < 200 || arenaSize > 10_000 || timeLimitSeconds < 10 || timeLimitSeconds > 1800
                || hitPoints < 10 || hitPoints > 10_000) {
            throw new IllegalArgumentException("settings out of range: " + arenaSize + ", " + timeLimitSeconds + ", "
                    + hitPoints);
        }
    }

    /** {@code arena_size} 200–10000 (1000), {@code time_limit_seconds} 10–1800 (120), {@code hit_points} 10–10000 (100). */
    public static BattleSettings parse(Map<String, ?> raw) {
        SettingsReader r = new SettingsReader(raw);
        int size = r.integer("arena_size", DEFAULTS.arenaSize(), 200, 10_000);
        int limit = r.integer("time_limit_seconds", DEFAULTS.timeLimitSeconds(), 10, 1800);
        int hp = r.integer("hit_points", DEFAULTS.hitPoints(), 10, 10_000);
        r.done();
        return new BattleSettings(size, limit, hp);
    }

    public long timeLimitTicks() {
        return (long) timeLimitSeconds * ArenaBattle.TICK_RATE;
    }
}
