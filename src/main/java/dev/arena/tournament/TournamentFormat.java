package dev.arena.tournament;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.arena.tournament.bracket.Format;
import dev.arena.tournament.bracket.Points;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The wire names of the bracket formats, and how a tournament's options become a {@link Format}. */
public enum TournamentFormat {
    SINGLE_ELIMINATION, DOUBLE_ELIMINATION, ROUND_ROBIN, SWISS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TournamentFormat> fromWire(String s) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(s)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(TournamentFormat::wire).toList();
    }

    /**
     * The bracket format for {@code players} entrants. Swiss rounds are capped at what the field allows (n−1 for an
     * even field, n for an odd one), since fewer players may check in than the organiser planned for.
     */
    public Format bracketFormat(int bestOf, Integer rounds, boolean thirdPlace, int players) {
        return switch (this) {
            case SINGLE_ELIMINATION -> new Format.SingleElimination(bestOf, thirdPlace);
            case DOUBLE_ELIMINATION -> new Format.DoubleElimination(bestOf);
            case ROUND_ROBIN -> new Format.RoundRobin(bestOf, Points.DEFAULT);
            case SWISS -> new Format.Swiss(Math.max(1, Math.min(rounds, players % 2 == 0 ? players - 1 : players)),
                    bestOf, Points.DEFAULT);
        };
    }
}
