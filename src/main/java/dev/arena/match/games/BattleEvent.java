package dev.arena.match.games;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arena.common.PlayerId;
import dev.arena.match.GameEvent;

/** What {@code arena_battle} tells everyone watching, tick by tick. */
public sealed interface BattleEvent extends GameEvent {

    /**
     * A fighter's public fields that changed in this tick (absolute values); unchanged fields are absent
     * (null). A new fighter has every field.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FighterDelta(PlayerId player, Integer x, Integer y, Integer hp, Boolean blocking, Boolean alive)
            implements BattleEvent {
        public String type() { return "fighter"; }
    }

    /** A fighter left before the start: it is gone from the arena. */
    record FighterRemoved(PlayerId player) implements BattleEvent {
        public String type() { return "fighter_removed"; }
    }

    /** The battle began; it ends after {@code endTick} at the latest. */
    record BattleStarted(long endTick) implements BattleEvent {
        public String type() { return "battle_started"; }
    }

    /** @param by {@code attack} or {@code blast} */
    record Hit(PlayerId attacker, PlayerId target, int damage, boolean blocked, String by) implements BattleEvent {
        public String type() { return "hit"; }
    }

    record Blasted(PlayerId player, int x, int y, int radius) implements BattleEvent {
        public String type() { return "blast"; }
    }

    /** @param cause {@code killed} or {@code forfeit} */
    record Eliminated(PlayerId player, String cause) implements BattleEvent {
        public String type() { return "eliminated"; }
    }
}
