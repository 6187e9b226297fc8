package dev.arena.match;

import dev.arena.common.PlayerId;

/**
 * One line of a match's {@link EventLog}. Everything that changed the rules' state is here (joins, the start,
 * leaves, accepted inputs) with the tick it was applied in, so {@link Replay} can redo the match; the events
 * the match emitted are here too, so a replay can be checked against them.
 */
public sealed interface LogEntry<I> {

    /** The tick the entry belongs to: actions were applied before {@code tick(tick)}; events were emitted in it. */
    long tick();

    record Joined<I>(long tick, PlayerId player) implements LogEntry<I> {}

    record Started<I>(long tick) implements LogEntry<I> {}

    /** @param reason {@code left} (on purpose) or {@code grace_expired} (did not reconnect in time) */
    record Left<I>(long tick, PlayerId player, String reason) implements LogEntry<I> {}

    record Input<I>(long tick, PlayerId player, I input) implements LogEntry<I> {}

    record Emitted<I>(long tick, GameEvent event) implements LogEntry<I> {}
}
