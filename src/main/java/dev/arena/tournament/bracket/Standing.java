package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.List;
import java.util.Objects;

/**
 * One row of a bracket's standings. {@code place} starts at 1; players tied on everything the format
 * ranks by share a place (elimination formats only: round robin and Swiss end on seed, so places there
 * are unique). {@code tiebreaks} lists, in the order applied, the tiebreaks used after {@code points};
 * the last tiebreak of every format is the seed rank.
 */
public record Standing(int place, PlayerId player, int seed, int points, Tally tally, List<TiebreakScore> tiebreaks) {

    public Standing {
        Objects.requireNonNull(player, "player");
        Objects.requireNonNull(tally, "tally");
        tiebreaks = List.copyOf(tiebreaks);
    }

    public int tiebreak(Tiebreak which) {
        return tiebreaks.stream().filter(t -> t.tiebreak() == which).mapToInt(TiebreakScore::value).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(which + " is not a tiebreak of this format"));
    }
}
