package dev.arena.match;

import io.vertx.core.Promise;

/**
 * What any thread may ask of a match: queued in its bounded {@link MatchInbox} ({@link MatchCommandQueue}) and
 * applied by the match's owner at the next tick, in arrival order.
 */
sealed interface MatchCommand<I> {

    /** {@code receivedNanos}: when it was offered, by the scheduler's clock (input-to-state latency). */
    record Input<I>(PlayerId player, I input, long receivedNanos) implements MatchCommand<I> {}

    record Join<I>(PlayerId player, Promise<MatchView> reply) implements MatchCommand<I> {}

    record Leave<I>(PlayerId player, Promise<Boolean> reply) implements MatchCommand<I> {}

    record Disconnect<I>(PlayerId player) implements MatchCommand<I> {}

    record Spectate<I>(PlayerId viewer, Promise<MatchView> reply) implements MatchCommand<I> {}

    record Unspectate<I>(PlayerId viewer) implements MatchCommand<I> {}

    record Stop<I>(String reason) implements MatchCommand<I> {}

    record Report<I>(PlayerId by, MatchResult result, Promise<MatchResult> reply) implements MatchCommand<I> {}

    /** Lobby commands ({@link HostControls}): answered with the snapshot of their tick, or failed. */
    record Ready<I>(PlayerId player, boolean ready, Promise<MatchView> reply) implements MatchCommand<I> {}

    record Start<I>(PlayerId by, boolean force, Promise<MatchView> reply) implements MatchCommand<I> {}

    record Kick<I>(PlayerId by, PlayerId target, Promise<MatchView> reply) implements MatchCommand<I> {}
}
