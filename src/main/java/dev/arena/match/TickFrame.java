package dev.arena.match;

import java.util.List;
import java.util.Objects;

/**
 * Everything public that happened in one tick, in order: the loop's events and the game's deltas, and the input
 * acknowledgements that moved in it ({@link InputAck}: the players whose numbered inputs the tick took). Only ticks
 * with at least one event or acknowledgement produce a frame. The gateway sends it once to every player and
 * spectator ({@code match.event}); a client applies frames whose tick is greater than its snapshot's.
 */
public record TickFrame(MatchId match, long tick, List<GameEvent> events, List<InputAck> acks) {

    public TickFrame {
        Objects.requireNonNull(match, "match");
        events = List.copyOf(events);
        acks = List.copyOf(acks);
    }

    public TickFrame(MatchId match, long tick, List<GameEvent> events) {
        this(match, tick, events, List.of());
    }
}
