package dev.arena.matchmaking;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A match the pool formed: the tickets it consumed and how their players are split into teams. It is a
 * proposal because players may still decline; the pool has already forgotten the tickets either way, and
 * re-queueing those who accepted is the caller's decision.
 *
 * @param ratingSpread highest minus lowest individual rating among all players (the rating gap, in 1v1)
 */
public record MatchProposal(String mode, List<Team> teams, List<MatchedTicket> tickets, double ratingSpread) {

    /** One side of the match; members of a party are always on the same team. */
    public record Team(List<UUID> playerIds, double averageRating) {
        public Team {
            playerIds = List.copyOf(playerIds);
            if (playerIds.isEmpty()) {
                throw new IllegalArgumentException("a team needs at least one player");
            }
        }
    }

    /** A consumed ticket and how long it waited until this proposal. */
    public record MatchedTicket(TicketId id, Duration waited) {
        public MatchedTicket {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(waited, "waited");
        }
    }

    public MatchProposal {
        Objects.requireNonNull(mode, "mode");
        teams = List.copyOf(teams);
        tickets = List.copyOf(tickets);
        if (teams.size() < 2) {
            throw new IllegalArgumentException("a match needs at least two teams");
        }
        if (tickets.isEmpty()) {
            throw new IllegalArgumentException("a match consumes at least one ticket");
        }
        if (!Double.isFinite(ratingSpread) || ratingSpread < 0) {
            throw new IllegalArgumentException("ratingSpread must be >= 0, was " + ratingSpread);
        }
    }

    public List<TicketId> ticketIds() {
        return tickets.stream().map(MatchedTicket::id).toList();
    }

    public List<UUID> playerIds() {
        return teams.stream().flatMap(t -> t.playerIds().stream()).toList();
    }

    /** Highest minus lowest team average: how uneven the teams are (in 1v1 this is the rating gap). */
    public double teamImbalance() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Team t : teams) {
            lo = Math.min(lo, t.averageRating());
            hi = Math.max(hi, t.averageRating());
        }
        return hi - lo;
    }
}
