package dev.arena.tournament;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.arena.match.MatchId;
import dev.arena.tournament.bracket.PairingId;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One game of a pairing's series, as stored. {@code outcome} is null while the game is open.
 *
 * @param deadline when a player who has not sat down loses by walkover; null once both sat down
 */
public record TournamentMatch(MatchId gameId, UUID tournamentId, PairingId pairingId, int number, String node,
                             Instant createdAt, Instant deadline, Outcome outcome) {

    /** How a game counted: for one side, drawn, not at all (void: abandoned or lost), or ended by the organiser. */
    public enum Outcome {
        HOME, AWAY, DRAW, VOID, WALKOVER, RESET;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome fromWire(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }

        /** Counts in the series score. */
        public boolean counts() {
            return this == HOME || this == AWAY || this == DRAW;
        }
    }

    /** A series so far: the counted games of one pairing. */
    public record Score(int home, int away, int draws, int lastNumber) {}

    public static Score score(java.util.List<TournamentMatch> games) {
        int home = 0;
        int away = 0;
        int draws = 0;
        int last = 0;
        for (TournamentMatch g : games) {
            last = Math.max(last, g.number());
            if (g.outcome() == Outcome.HOME) {
                home++;
            } else if (g.outcome() == Outcome.AWAY) {
                away++;
            } else if (g.outcome() == Outcome.DRAW) {
                draws++;
            }
        }
        return new Score(home, away, draws, last);
    }

    public boolean open() {
        return outcome == null;
    }
}
