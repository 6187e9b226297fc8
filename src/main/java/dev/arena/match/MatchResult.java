package dev.arena.match;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.arena.common.PlayerId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a match ended.
 *
 * @param outcome   a single winner, a draw (several players share first place), or abandoned (no rated result)
 * @param standings every player who took part, best place first; tied players share a place (1, 1, 3)
 * @param reason    machine-readable, game-defined ({@code last_standing}, {@code time_limit},
 *                  {@code four_in_a_row}, {@code board_full}, {@code forfeit}, {@code timeout}) or the loop's
 *                  ({@code empty}, {@code stopped}, {@code rules_error})
 */
public record MatchResult(Outcome outcome, List<Standing> standings, String reason) {

    public sealed interface Outcome {
        @JsonProperty("type")
        String type();
    }

    public record Winner(PlayerId player) implements Outcome {
        public Winner {
            Objects.requireNonNull(player, "player");
        }

        public String type() { return "winner"; }
    }

    public record Draw() implements Outcome {
        public String type() { return "draw"; }
    }

    /** Nobody won and nothing should be rated: the match emptied, was stopped, or its rules failed. */
    public record Abandoned() implements Outcome {
        public String type() { return "abandoned"; }
    }

    /**
     * @param place 1 is best
     * @param score game-defined (damage dealt in {@code arena_battle}; 1/0.5/0 in {@code connect_four})
     */
    public record Standing(PlayerId player, int place, long score) {
        public Standing {
            Objects.requireNonNull(player, "player");
            if (place < 1) {
                throw new IllegalArgumentException("place must be at least 1, was " + place);
            }
        }
    }

    public MatchResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        standings = standings.stream().sorted(Comparator.comparingInt(Standing::place)).toList();
        Set<PlayerId> seen = new HashSet<>();
        for (Standing s : standings) {
            if (!seen.add(s.player())) {
                throw new IllegalArgumentException("player " + s.player() + " appears twice in the standings");
            }
        }
        switch (outcome) {
            case Winner w -> {
                long first = standings.stream().filter(s -> s.place() == 1).count();
                if (first != 1 || !standings.getFirst().player().equals(w.player())) {
                    throw new IllegalArgumentException("the winner must be the only player in first place");
                }
            }
            case Draw d -> {
                if (standings.stream().filter(s -> s.place() == 1).count() < 2) {
                    throw new IllegalArgumentException("a draw needs at least two players in first place");
                }
            }
            case Abandoned a -> { }
        }
    }

    public static MatchResult abandoned(String reason) {
        return new MatchResult(new Abandoned(), List.of(), reason);
    }

    /**
     * Builds the result from standings: a single first place is a win, a shared first place a draw.
     * Standings must not be empty.
     */
    public static MatchResult ranked(List<Standing> standings, String reason) {
        List<Standing> first = standings.stream().filter(s -> s.place() == 1).toList();
        if (first.isEmpty()) {
            throw new IllegalArgumentException("nobody is in first place");
        }
        Outcome outcome = first.size() == 1 ? new Winner(first.getFirst().player()) : new Draw();
        return new MatchResult(outcome, standings, reason);
    }

    public Optional<PlayerId> winner() {
        return outcome instanceof Winner w ? Optional.of(w.player()) : Optional.empty();
    }

    /**
     * How the match ended for one of its players: {@code win}, {@code loss}, {@code draw} (sharing first place
     * with others) or {@code abandoned}.
     */
    public String outcomeFor(PlayerId player) {
        return switch (outcome) {
            case Abandoned a -> "abandoned";
            case Winner w -> w.player().equals(player) ? "win" : "loss";
            case Draw d -> standings.stream().anyMatch(s -> s.place() == 1 && s.player().equals(player)) ? "draw"
                    : "loss";
        };
    }
}
