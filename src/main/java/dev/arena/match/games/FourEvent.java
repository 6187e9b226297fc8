package dev.arena.match.games;

import dev.arena.common.PlayerId;
import dev.arena.match.GameEvent;

/** What {@code connect_four} tells everyone watching. */
public sealed interface FourEvent extends GameEvent {

    /** Someone's turn begins; they lose on time at {@code deadlineTick} (0: no limit). */
    record Turn(PlayerId player, long deadlineTick) implements FourEvent {
        public String type() { return "turn"; }
    }

    /** @param row 0 is the bottom row; {@code disc} is {@code R} or {@code Y} */
    record Dropped(PlayerId player, int column, int row, String disc) implements FourEvent {
        public String type() { return "disc"; }
    }

    record TimedOut(PlayerId player) implements FourEvent {
        public String type() { return "timed_out"; }
    }

    /** @param winner null on a draw */
    record GameOver(PlayerId winner, String reason) implements FourEvent {
        public String type() { return "game_over"; }
    }
}
