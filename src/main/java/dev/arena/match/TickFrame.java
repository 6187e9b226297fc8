package dev.arena.match;

import java.util.List;
import java.util.Objects;

/**
 * Everything public that happened in one tick, in order: the loop's events and the game's deltas. Only ticks
 * with at least one event produce a frame. The gateway sends it once to every player and spectator
 * ({@code match.event}); a client applies frames whose tick is greater than its snapshot's.
 */
public record TickFrame(MatchId match, long tick, List<GameEvent> events) {

    public TickFrame {
        Objects.requireNonNull(match, "match");
        events = List.copyOf(events);
    }
}
