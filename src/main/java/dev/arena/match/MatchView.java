package dev.arena.match;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.arena.common.PlayerId;
import java.util.List;

/**
 * A full public snapshot of a match after one tick: {@code match.state} on join, reconnect and spectate, and
 * the body of {@code GET /games/{id}/state}. Immutable; built on the caller's thread from a published state.
 *
 * @param tick   the last tick this view includes; frames with a greater tick follow it
 * @param result present once finished
 * @param host   the host of a lobby game (null for games that start by themselves, and once nobody is seated)
 * @param acks   every seated player's last input acknowledgement ({@link InputAck}; a JSON object, left out when
 *               nobody has sent a numbered input), so a player who reconnects knows which of its inputs this
 *               snapshot includes
 */
public record MatchView(MatchId id, String mode, MatchStatus status, long tick, int tickRate,
                        List<PlayerView> players, int spectators, PublicState state, MatchResult result,
                        PlayerId host,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonSerialize(using = InputAck.AsObject.class)
                        List<InputAck> acks) {

    /**
     * @param forfeitAtTick while disconnected, the tick at which the player forfeits; null when connected
     * @param ready         in a lobby game, whether the player is ready; null (and left out of JSON) otherwise
     */
    public record PlayerView(PlayerId player, boolean connected, Long forfeitAtTick,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Boolean ready) {

        public PlayerView(PlayerId player, boolean connected, Long forfeitAtTick) {
            this(player, connected, forfeitAtTick, null);
        }
    }

    public MatchView {
        players = List.copyOf(players);
        acks = acks == null ? List.of() : List.copyOf(acks);
    }

    /** The last input acknowledgement of {@code player} in this snapshot, {@link InputAck#NONE} when none. */
    public long ackOf(PlayerId player) {
        for (InputAck a : acks) {
            if (a.player().equals(player)) {
                return a.seq();
            }
        }
        return InputAck.NONE;
    }
}
