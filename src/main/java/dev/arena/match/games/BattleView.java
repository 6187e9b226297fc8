package dev.arena.match.games;

import dev.arena.common.PlayerId;
import dev.arena.match.PublicState;
import java.util.List;

/** Everything public of an {@code arena_battle} match: the full snapshot on join and spectate. */
public record BattleView(int arenaSize, int hitPoints, int maxSpeed, int attackRange, int blastRadius, long tick,
                         boolean started, long endTick, List<FighterView> fighters) implements PublicState {

    /** @param attackReadyAt first tick an attack may be sent for; likewise block and blast */
    public record FighterView(PlayerId player, int x, int y, int hp, boolean blocking, boolean alive,
                              boolean forfeited, long damageDealt, long attackReadyAt, long blockReadyAt,
                              long blastReadyAt) {}

    public BattleView {
        fighters = List.copyOf(fighters);
    }
}
