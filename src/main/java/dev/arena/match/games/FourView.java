package dev.arena.match.games;

import dev.arena.common.PlayerId;
import dev.arena.match.PublicState;
import java.util.List;

/**
 * The public {@code connect_four} board.
 *
 * @param rows   six strings of seven characters, top row first: {@code .} empty, {@code R} red
 *               ({@code players[0]}), {@code Y} yellow ({@code players[1]})
 * @param toMove null before the start and after the end
 */
public record FourView(List<PlayerId> players, List<String> rows, PlayerId toMove, long deadlineTick, int moves,
                       PlayerId winner, String reason) implements PublicState {

    public FourView {
        players = List.copyOf(players);
        rows = List.copyOf(rows);
    }
}
