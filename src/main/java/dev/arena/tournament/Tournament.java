package dev.arena.tournament;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One tournament as stored: its settings, where it is in its life and its version (the number of live updates
 * published so far; a client that sees a jump in it missed one and refetches).
 *
 * @param rounds Swiss only; null for the other formats
 */
public record Tournament(UUID id, String name, TournamentFormat format, String mode, int maxPlayers, int bestOf,
                         Integer rounds, boolean thirdPlaceMatch, Instant startsAt, int checkInMinutes,
                         int noShowMinutes, UUID organiser, TournamentStatus status, long version, Instant createdAt,
                         Instant startedAt, Instant endedAt) {

    public Tournament {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(status, "status");
    }

    /** When check-in opens: {@code check_in_minutes} before the start (no check-in when 0). */
    public Instant checkInOpensAt() {
        return startsAt.minusSeconds(60L * checkInMinutes);
    }

    public Tournament withStatus(TournamentStatus s, Instant at) {
        return new Tournament(id, name, format, mode, maxPlayers, bestOf, rounds, thirdPlaceMatch, startsAt,
                checkInMinutes, noShowMinutes, organiser, s, version,
                createdAt, s == TournamentStatus.RUNNING ? at : startedAt, s.ended() ? at : endedAt);
    }

    public Tournament withVersion(long v) {
        return new Tournament(id, name, format, mode, maxPlayers, bestOf, rounds, thirdPlaceMatch, startsAt,
                checkInMinutes, noShowMinutes, organiser, status, v, createdAt, startedAt, endedAt);
    }
}
