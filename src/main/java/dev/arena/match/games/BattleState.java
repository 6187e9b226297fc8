package dev.arena.match.games;

import java.util.List;
import java.util.Objects;

/**
 * The whole state of an {@code arena_battle} match: immutable, value equality (replays compare it).
 *
 * @param tick     the last tick simulated (inputs now take effect in {@code tick + 1})
 * @param endTick  the last tick before the time limit; 0 until started
 * @param rng      the state of the match's random generator (splitmix64), advanced by every draw
 * @param fighters in join order
 */
public record BattleState(BattleSettings settings, long tick, boolean started, long endTick, long rng,
                          List<Fighter> fighters) {

    public BattleState {
        Objects.requireNonNull(settings, "settings");
        fighters = List.copyOf(fighters);
    }

    /** The index of {@code player}'s fighter, or -1. */
    int indexOf(dev.arena.common.PlayerId player) {
        for (int i = 0; i < fighters.size(); i++) {
            if (fighters.get(i).id().equals(player)) {
                return i;
            }
        }
        return -1;
    }

    long aliveCount() {
        return fighters.stream().filter(Fighter::alive).count();
    }
}
