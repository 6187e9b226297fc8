package dev.arena.match;

import dev.arena.common.PlayerId;
import io.vertx.core.Promise;

/**
 * What any thread may ask of a match: queued in its bounded {@link MatchInbox} ({@link LoopCommandQueue}) and
 * applied by the match's owner at the next tick, in arrival order.
 */
sealed interface LoopCommand<I> {

    /**
     * {@code seq}: the client's number for it ({@link InputAck}), {@link InputAck#NONE} when it has none;
     * {@code receivedNanos}: when it was offered, by the scheduler's clock (input-to-state latency).
     */
    record Input<I>(PlayerId player, I input, long seq, long receivedNanos) implements LoopCommand<I> {}

    record Join<I>(PlayerId player, Promise<MatchView> reply) implements LoopCommand<I> {}

    record Leave<I>(PlayerId player, Promise<Boolean> reply) implements LoopCommand<I> {}

    record Disconnect<I>(PlayerId player) implements LoopCommand<I> {}

    record Spectate<I>(PlayerId viewer, Promise<MatchView> reply) implements LoopCommand<I> {}

    record Unspectate<I>(PlayerId viewer) implements LoopCommand<I> {}

    record Stop<I>(String reason) implements LoopCommand<I> {}

    record Report<I>(PlayerId by, MatchResult result, Promise<MatchResult> reply) implements LoopCommand<I> {}

    /** Lobby commands ({@link HostControls}): answered with the snapshot of their tick, or failed. */
    record Ready<I>(PlayerId player, boolean ready, Promise<MatchView> reply) implements LoopCommand<I> {}

    record Start<I>(PlayerId by, boolean force, Promise<MatchView> reply) implements LoopCommand<I> {}

    record Kick<I>(PlayerId by, PlayerId target, Promise<MatchView> reply) implements LoopCommand<I> {}
}
