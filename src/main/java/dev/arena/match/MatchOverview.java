package dev.arena.match;

/**
 * A live match as the admin console lists it, from whichever node runs it.
 *
 * @param node       the node that runs it
 * @param ageSeconds ticks run so far over the tick rate (a match's own time, not the wall clock)
 */
public record MatchOverview(MatchId id, String mode, String node, MatchStatus status, int players, int spectators,
                            long tick, long ageSeconds) {

    /** The overview of a running or waiting match of this node. */
    static MatchOverview of(MatchView v, String node) {
        return new MatchOverview(v.id(), v.mode(), node, v.status(), v.players().size(), v.spectators(), v.tick(),
                v.tickRate() == 0 ? 0 : v.tick() / v.tickRate());
    }
}
