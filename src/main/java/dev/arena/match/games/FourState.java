package dev.arena.match.games;

import dev.arena.common.PlayerId;
import java.util.List;
import java.util.Objects;

/**
 * The state of a {@code connect_four} match: immutable, value equality. The board is two bitboards, one per
 * player: column {@code c} (0–6, left to right), row {@code r} (0–5, bottom up) is bit {@code c * 7 + r};
 * the seventh bit of each column stays empty, so shifted lines never wrap from one column into the next.
 *
 * @param players  join order; {@code players[0]} plays red ({@code R}), {@code players[1]} yellow ({@code Y})
 * @param red      the bitboard of {@code players[0]}
 * @param yellow   the bitboard of {@code players[1]}
 * @param turn     index into {@code players} of who moves next
 * @param deadline the tick at which the player to move loses on time; 0 when there is no limit
 * @param winner   null while playing or on a draw
 * @param reason   why it ended ({@code four_in_a_row}, {@code board_full}, {@code forfeit}, {@code timeout}); null
 *                 while playing
 */
public record FourState(FourSettings settings, long seed, long tick, boolean started, List<PlayerId> players,
                        long red, long yellow, int turn, long deadline, int moves, PlayerId winner, String reason) {

    public FourState {
        Objects.requireNonNull(settings, "settings");
        players = List.copyOf(players);
    }

    public boolean over() {
        return reason != null;
    }

    long discsOf(int player) {
        return player == 0 ? red : yellow;
    }
}
