package dev.arena.matchmaking;

import static dev.arena.matchmaking.TestTickets.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random pools (fixed seeds, so a failure reproduces) checked against the rules every proposal must keep,
 * whatever the mode shape, parties or timing.
 */
class TicketPoolInvariantsTest {
    private static final RatingWindow WINDOW = new RatingWindow(40, 8, 300);
    private static final List<QueueConfig> MODES = List.of(
            QueueConfig.oneVsOne("duel", WINDOW),
            QueueConfig.teams("duo", 2, 2, WINDOW),
            QueueConfig.teams("trio", 2, 3, WINDOW),
            QueueConfig.teams("squads", 3, 3, WINDOW),
            QueueConfig.freeForAll("ffa4", 4, WINDOW));

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89})
    void everyProposalKeepsTheRules(long seed) {
        Random rnd = new Random(seed);
        TicketPool pool = new TicketPool(MODES);
        Map<TicketId, Ticket> waiting = new HashMap<>();
        Set<TicketId> consumed = new HashSet<>();
        Set<String> modesMatched = new HashSet<>();
        double t = 0;
        for (int tick = 0; tick < 400; tick++) {
            t += 0.25;
            int arrivals = rnd.nextInt(6);
            for (int i = 0; i < arrivals; i++) {
                Ticket ticket = randomTicket(rnd, t);
                try {
                    pool.add(ticket);
                    waiting.put(ticket.id(), ticket);
                } catch (TicketRejectedException.PartyTooLarge expected) {
                    // parties of 2-3 are drawn for every mode; the 1v1 and ffa modes refuse them
                }
            }
            if (rnd.nextInt(10) == 0 && !waiting.isEmpty()) {
                TicketId victim = waiting.keySet().iterator().next();
                assertThat(pool.cancel(victim)).isInstanceOf(CancelOutcome.Cancelled.class);
                waiting.remove(victim);
            }
            Instant now = at(t);
            for (MatchProposal p : pool.process(now)) {
                checkProposal(p, waiting, consumed, now);
                modesMatched.add(p.mode());
            }
        }
        // Long after the last arrival every window is at its maximum: no two 1v1 tickets that could play remain.
        Instant late = at(t + 3600);
        for (MatchProposal p : pool.process(late)) {
            checkProposal(p, waiting, consumed, late);
        }
        assertThat(modesMatched).as("the seed exercised every mode").hasSize(MODES.size());
        List<Ticket> duel = pool.waiting("duel");
        for (int i = 0; i < duel.size(); i++) {
            for (int j = i + 1; j < duel.size(); j++) {
                Ticket a = duel.get(i);
                Ticket b = duel.get(j);
                boolean canPlay = a.region().equals(b.region()) && Math.abs(a.rating() - b.rating()) <= WINDOW.max();
                assertThat(canPlay).as("%s and %s left waiting", a, b).isFalse();
            }
        }
    }

    private static void checkProposal(MatchProposal p, Map<TicketId, Ticket> waiting, Set<TicketId> consumed,
                                      Instant now) {
        QueueConfig config = MODES.stream().filter(c -> c.mode().equals(p.mode())).findFirst().orElseThrow();
        List<Ticket> tickets = new ArrayList<>();
        for (TicketId id : p.ticketIds()) {
            assertThat(consumed.add(id)).as("ticket %s used twice", id).isTrue();
            Ticket ticket = waiting.remove(id);
            assertThat(ticket).as("ticket %s was not waiting", id).isNotNull();
            tickets.add(ticket);
        }
        assertThat(tickets).allSatisfy(x -> assertThat(x.mode()).isEqualTo(p.mode()));
        assertThat(tickets).extracting(Ticket::region).containsOnly(tickets.getFirst().region());
        for (Ticket a : tickets) {
            for (Ticket b : tickets) {
                double gap = Math.abs(a.rating() - b.rating());
                double allowed = Math.min(config.window().at(a.waitAt(now)), config.window().at(b.waitAt(now)));
                assertThat(gap).isLessThanOrEqualTo(allowed);
            }
        }
        assertThat(p.teams()).hasSize(config.teamCount())
                .allSatisfy(team -> assertThat(team.playerIds()).hasSize(config.teamSize()));
        Set<UUID> players = new HashSet<>(p.playerIds());
        assertThat(players).hasSize(config.playersPerMatch());
        for (Ticket ticket : tickets) {
            List<UUID> members = ticket.members().stream().map(QueuedPlayer::playerId).toList();
            assertThat(p.teams()).as("party %s kept together", ticket.id())
                    .anySatisfy(team -> assertThat(team.playerIds()).containsAll(members));
        }
    }

    private static Ticket randomTicket(Random rnd, double t) {
        QueueConfig mode = MODES.get(rnd.nextInt(MODES.size()));
        String region = rnd.nextInt(4) == 0 ? "us" : "eu";
        double base = 1500 + rnd.nextGaussian() * 300;
        int size = rnd.nextInt(5) == 0 ? 2 + rnd.nextInt(2) : 1;
        if (size == 1) {
            return TestTickets.solo(mode.mode(), base, region, t);
        }
        double[] ratings = new double[size];
        for (int i = 0; i < size; i++) {
            ratings[i] = base + rnd.nextGaussian() * 50;
        }
        return TestTickets.party(mode.mode(), region, t, ratings);
    }
}
