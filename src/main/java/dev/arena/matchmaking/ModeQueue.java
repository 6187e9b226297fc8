package dev.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The waiting tickets of one mode and who holds them. Owned by its {@link TicketPool}. */
final class ModeQueue {
    /** A waiting ticket with its arrival number, which orders tickets created at the same instant. */
    private record Waiting(Ticket ticket, long arrival) {}

    private static final Comparator<Waiting> OLDEST_FIRST =
            Comparator.comparing((Waiting w) -> w.ticket().createdAt()).thenComparingLong(Waiting::arrival);

    private final QueueConfig config;
    private final Map<TicketId, Waiting> tickets = new LinkedHashMap<>();
    private final Map<UUID, TicketId> ticketOfPlayer = new HashMap<>();
    private int players;
    private long arrivals;

    ModeQueue(QueueConfig config) {
        this.config = config;
    }

    QueueConfig config() {
        return config;
    }

    /** Checks everything about the ticket that depends on this mode; throws before changing anything. */
    void checkAcceptable(Ticket t) {
        if (t.size() > config.teamSize()) {
            throw new TicketRejectedException.PartyTooLarge(config.mode(), t.size(), config.teamSize());
        }
        for (String key : config.hardConstraints()) {
            String v = t.properties().get(key);
            if (v == null || v.isBlank()) {
                throw new TicketRejectedException.MissingProperty(config.mode(), key);
            }
        }
        for (QueuedPlayer m : t.members()) {
            TicketId existing = ticketOfPlayer.get(m.playerId());
            if (existing != null) {
                throw new TicketRejectedException.PlayerAlreadyQueued(m.playerId(), config.mode(), existing);
            }
        }
    }

    void add(Ticket t) {
        checkAcceptable(t);
        tickets.put(t.id(), new Waiting(t, arrivals++));
        for (QueuedPlayer m : t.members()) {
            ticketOfPlayer.put(m.playerId(), t.id());
        }
        players += t.size();
    }

    Optional<Ticket> remove(TicketId id) {
        Waiting w = tickets.remove(id);
        if (w == null) {
            return Optional.empty();
        }
        for (QueuedPlayer m : w.ticket().members()) {
            ticketOfPlayer.remove(m.playerId());
        }
        players -= w.ticket().size();
        return Optional.of(w.ticket());
    }

    Optional<Ticket> get(TicketId id) {
        Waiting w = tickets.get(id);
        return w == null ? Optional.empty() : Optional.of(w.ticket());
    }

    int ticketCount() {
        return tickets.size();
    }

    int playerCount() {
        return players;
    }

    List<Ticket> oldestFirst() {
        List<Waiting> all = new ArrayList<>(tickets.values());
        all.sort(OLDEST_FIRST);
        return all.stream().map(Waiting::ticket).toList();
    }

    Duration oldestWait(Instant now) {
        Duration longest = Duration.ZERO;
        for (Waiting w : tickets.values()) {
            Duration d = w.ticket().waitAt(now);
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }

    /**
     * Forms matches among the waiting tickets, removes the matched tickets and returns the proposals.
     *
     * @param excludedPlayers players matched earlier in this pass in another mode; their tickets here stay
     *                        waiting and are skipped, so nobody is proposed two matches at once
     */
    List<MatchProposal> match(Instant now, Set<UUID> excludedPlayers) {
        if (tickets.size() < 2) {
            return List.of();
        }
        List<MatchingStep.Group> groups = new MatchingStep(config, oldestFirst(), now, excludedPlayers).run();
        List<MatchProposal> proposals = new ArrayList<>(groups.size());
        for (MatchingStep.Group g : groups) {
            proposals.add(toProposal(g, now));
            for (Candidate c : g.tickets()) {
                remove(c.ticket.id());
            }
        }
        return proposals;
    }

    private MatchProposal toProposal(MatchingStep.Group g, Instant now) {
        List<List<UUID>> teamPlayers = new ArrayList<>();
        double[] teamSum = new double[config.teamCount()];
        for (int t = 0; t < config.teamCount(); t++) {
            teamPlayers.add(new ArrayList<>());
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < g.tickets().size(); i++) {
            Candidate c = g.tickets().get(i);
            int team = g.teamOf()[i];
            for (QueuedPlayer m : c.ticket.members()) {
                teamPlayers.get(team).add(m.playerId());
                teamSum[team] += m.rating();
                lo = Math.min(lo, m.rating());
                hi = Math.max(hi, m.rating());
            }
        }
        List<Candidate> byAge = new ArrayList<>(g.tickets());
        byAge.sort(Comparator.comparingInt(c -> c.ageRank));
        List<MatchProposal.MatchedTicket> matched = new ArrayList<>();
        for (Candidate c : byAge) {
            matched.add(new MatchProposal.MatchedTicket(c.ticket.id(), c.ticket.waitAt(now)));
        }
        List<MatchProposal.Team> teams = new ArrayList<>();
        for (int t = 0; t < config.teamCount(); t++) {
            teams.add(new MatchProposal.Team(teamPlayers.get(t), teamSum[t] / teamPlayers.get(t).size()));
        }
        return new MatchProposal(config.mode(), teams, matched, hi - lo);
    }
}
