package dev.arena.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamBalancerTest {

    private static Candidate solo(double rating) {
        return new Candidate(TestTickets.solo("m", rating, 0), 400, 0);
    }

    private static Candidate party(double... ratings) {
        return new Candidate(TestTickets.party("m", "eu", 0, ratings), 400, 0);
    }

    private static double[] teamTotals(List<Candidate> tickets, int[] teamOf, int teamCount) {
        double[] sum = new double[teamCount];
        for (int i = 0; i < tickets.size(); i++) {
            sum[teamOf[i]] += tickets.get(i).rating * tickets.get(i).size;
        }
        return sum;
    }

    @Test
    void twoTeamsGetTheMostEvenSplit() {
        List<Candidate> t = List.of(solo(2000), solo(1000), solo(1600), solo(1400), solo(1500), solo(1500));
        int[] teamOf = TeamBalancer.assign(t, 2, 3);
        double[] sums = teamTotals(t, teamOf, 2);
        assertThat(sums[0]).isEqualTo(sums[1]);
    }

    @Test
    void partiesStayWholeAndTheRestBalanceAroundThem() {
        Candidate strongDuo = party(1900, 1900);
        List<Candidate> t = List.of(strongDuo, solo(1100), solo(1500), solo(1800), solo(1200));
        int[] teamOf = TeamBalancer.assign(t, 2, 3);
        double[] sums = teamTotals(t, teamOf, 2);
        // the duo takes the weakest solo: 3800 + 1100 = 4900 against 1500 + 1800 + 1200 = 4500
        assertThat(Math.abs(sums[0] - sums[1])).isEqualTo(400);
        assertThat(teamOf[1]).isEqualTo(teamOf[0]);
        int[] players = new int[2];
        for (int i = 0; i < t.size(); i++) {
            players[teamOf[i]] += t.get(i).size;
        }
        assertThat(players).containsExactly(3, 3);
    }

    @Test
    void manyTeamsUseTheGreedyAndStayFull() {
        List<Candidate> t = new ArrayList<>(List.of(party(1500, 1500), party(1600, 1600), party(1400, 1400)));
        for (int r = 1300; r <= 1800; r += 100) {
            t.add(solo(r));
        }
        int[] teamOf = TeamBalancer.assign(t, 4, 3);
        int[] players = new int[4];
        for (int i = 0; i < t.size(); i++) {
            players[teamOf[i]] += t.get(i).size;
        }
        assertThat(players).containsOnly(3);
    }

    @Test
    void fitsKnowsWhenPartiesCannotBePacked() {
        assertThat(TeamBalancer.fits(List.of(party(1, 1), party(1, 1), party(1, 1)), 2, 3)).isFalse();
        assertThat(TeamBalancer.fits(List.of(party(1, 1), solo(1), party(1, 1)), 2, 3)).isTrue();
        assertThat(TeamBalancer.fits(List.of(solo(1), solo(1), solo(1)), 2, 1)).isFalse();
    }

    @Test
    void freeForAllIsOneTicketPerTeam() {
        List<Candidate> t = List.of(solo(1), solo(2), solo(3));
        assertThat(TeamBalancer.assign(t, 3, 1)).containsExactly(0, 1, 2);
    }
}
