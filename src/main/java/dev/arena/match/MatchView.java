package dev.arena.match;

import java.util.List;

/**
 * A full public snapshot of a match after one tick: {@code match.state} on join, reconnect and spectate, and
 * the body of {@code GET /games/{id}/state}. Immutable; built on the caller's thread from a published state.
 *
 * @param tick   the last tick this view includes; frames with a greater tick follow it
 * @param result present once finished
 */
public record MatchView(MatchId id, String mode, MatchStatus status, long tick, int tickRate,
                        List<PlayerView> players, int spectators, PublicState state, MatchResult result) {

    /**
     * @param forfeitAtTick while disconnected, the tick at which the player forfeits; null when connected
     */
    public record PlayerView(PlayerId player, boolean connected, Long forfeitAtTick) {}

    public MatchView {
        players = List.copyOf(players);
    }
}
