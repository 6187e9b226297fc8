package dev.arena.tournament.bracket;

import static dev.arena.tournament.bracket.Play.p;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RoundRobinTest {

    private static final Format.RoundRobin BO3 = new Format.RoundRobin(3, Points.DEFAULT);
    private static final Format.RoundRobin BO1 = new Format.RoundRobin(1, Points.DEFAULT);

    /** Reports {@code winner} beating {@code loser} by the given games, whichever side each sits on. */
    static Bracket win(Bracket b, int winner, int loser, int winnerGames, int loserGames) {
        Pairing pairing = between(b, winner, loser);
        boolean winnerHome = pairing.homePlayer().orElseThrow().equals(p(winner));
        Result result = winnerHome ? Result.series(winnerGames, loserGames) : Result.series(loserGames, winnerGames);
        return b.reportResult(pairing.id(), result);
    }

    static Pairing between(Bracket b, int x, int y) {
        return b.pairings().stream().filter(p -> p.involves(p(x)) && p.involves(p(y))).findFirst().orElseThrow();
    }

    @Test
    void headToHeadBeatsGameDifference() {
        Bracket b = Brackets.start(BO3, Play.seeds(4));
        b = win(b, 2, 1, 2, 1);
        b = win(b, 1, 3, 2, 0);
        b = win(b, 1, 4, 2, 0);
        b = win(b, 3, 2, 2, 0);
        b = win(b, 2, 4, 2, 1);
        b = win(b, 4, 3, 2, 0);

        assertThat(b.isComplete()).isTrue();
        // p1 and p2 have 6 points; p2 won their meeting, so p2 is ahead despite a worse game difference.
        assertThat(b.standings()).extracting(Standing::player, Standing::points,
                s -> s.tiebreak(Tiebreak.HEAD_TO_HEAD), s -> s.tiebreak(Tiebreak.GAME_DIFFERENCE)).containsExactly(
                Tuple.tuple(p(2), 6, 3, 0), Tuple.tuple(p(1), 6, 0, 3),
                Tuple.tuple(p(4), 3, 3, -1), Tuple.tuple(p(3), 3, 0, -2));
    }

    @Test
    void circularHeadToHeadFallsBackToGameDifference() {
        Bracket b = Brackets.start(BO3, Play.seeds(4));
        b = win(b, 1, 2, 2, 1);
        b = win(b, 2, 3, 2, 0);
        b = win(b, 3, 1, 2, 1);
        b = win(b, 1, 4, 2, 0);
        b = win(b, 2, 4, 2, 0);
        b = win(b, 3, 4, 2, 0);

        assertThat(b.standings()).extracting(Standing::player, Standing::points,
                s -> s.tiebreak(Tiebreak.HEAD_TO_HEAD), s -> s.tiebreak(Tiebreak.GAME_DIFFERENCE)).containsExactly(
                Tuple.tuple(p(2), 6, 3, 3), Tuple.tuple(p(1), 6, 3, 2), Tuple.tuple(p(3), 6, 3, 1),
                Tuple.tuple(p(4), 0, 0, -6));
    }

    @Test
    void drawsScoreOnePointAndSeedBreaksFullTies() {
        Bracket b = Brackets.start(BO1, Play.seeds(3));
        for (Pairing pairing : b.readyPairings()) {
            b = b.reportResult(pairing.id(), Result.series(0, 0, 1));
        }
        assertThat(b.isComplete()).isTrue();
        assertThat(b.standings()).extracting(Standing::player, Standing::points, s -> s.tally().draws())
                .containsExactly(Tuple.tuple(p(1), 2, 2), Tuple.tuple(p(2), 2, 2), Tuple.tuple(p(3), 2, 2));
        // A best of 3 with draws: one win and two draws after all three games takes the pairing.
        Bracket bo3 = Brackets.start(BO3, Play.seeds(2));
        Pairing only = bo3.readyPairings().getFirst();
        bo3 = bo3.reportResult(only.id(), Result.series(0, 1, 2));
        assertThat(bo3.pairing(only.id()).outcome()).contains(Outcome.AWAY_WIN);
        assertThat(bo3.standings().getFirst().player()).isEqualTo(only.awayPlayer().orElseThrow());
        assertThat(bo3.standings().getFirst().points()).isEqualTo(3);
    }

    @Test
    void walkoverCountsAsAWinWithoutGamesLost() {
        Bracket b = Brackets.start(BO3, Play.seeds(2));
        Pairing only = b.readyPairings().getFirst();
        b = b.reportResult(only.id(), Result.walkover(Side.AWAY));
        Standing first = b.standings().getFirst();
        assertThat(first.player()).isEqualTo(only.homePlayer().orElseThrow());
        assertThat(first.points()).isEqualTo(3);
        assertThat(first.tally()).isEqualTo(new Tally(1, 1, 0, 0, 0, 2, 0));
    }

    @Test
    void correctionChangesStandingsAndResetsNothing() {
        Bracket b = Brackets.start(BO3, Play.seeds(4));
        b = win(b, 1, 2, 2, 0);
        Correction c = b.correctResult(between(b, 1, 2).id(), between(b, 1, 2).homePlayer().orElseThrow().equals(p(1))
                ? Result.series(0, 2) : Result.series(2, 0));
        assertThat(c.reset()).isEmpty();
        assertThat(c.bracket().standings().getFirst().player()).isEqualTo(p(2));
        assertThat(c.bracket().readyPairings()).hasSize(5);
    }

    @Test
    void everyoneMeetsEveryoneOnceForEverySize() {
        for (int n = 2; n <= 64; n++) {
            Random random = new Random(3000L + n);
            Bracket done = Play.playRandom(Brackets.start(new Format.RoundRobin(1 + 2 * (n % 3), Points.DEFAULT),
                    Play.seeds(n)), random).bracket();
            String context = "n=" + n;
            assertThat(done.isComplete()).as(context).isTrue();

            Set<Set<PlayerId>> meetings = new HashSet<>();
            Map<PlayerId, Integer> byes = new HashMap<>();
            Map<PlayerId, Integer> homeMinusAway = new HashMap<>();
            int rounds = 0;
            for (Pairing pairing : done.pairings()) {
                rounds = Math.max(rounds, pairing.round().number());
                if (pairing.state() instanceof PairingState.Bye) {
                    byes.merge(pairing.homePlayer().orElseThrow(), 1, Integer::sum);
                    continue;
                }
                assertThat(pairing.isDecided()).isTrue();
                assertThat(meetings.add(Set.copyOf(pairing.players()))).as(context + " repeat " + pairing).isTrue();
                homeMinusAway.merge(pairing.homePlayer().orElseThrow(), 1, Integer::sum);
                homeMinusAway.merge(pairing.awayPlayer().orElseThrow(), -1, Integer::sum);
            }
            assertThat(meetings).as(context).hasSize(n * (n - 1) / 2);
            assertThat(rounds).as(context).isEqualTo(n % 2 == 0 ? n - 1 : n);
            assertThat(byes).as(context).hasSize(n % 2 == 0 ? 0 : n);
            assertThat(byes.values()).as(context).allMatch(count -> count == 1);
            assertThat(homeMinusAway.values()).as(context).allMatch(d -> Math.abs(d) <= 1);
            Play.assertNobodyTwiceInARound(done);
            Play.assertSnapshotRoundTrips(done);

            List<Standing> standings = done.standings();
            for (int i = 1; i < standings.size(); i++) {
                assertThat(standings.get(i).points()).isLessThanOrEqualTo(standings.get(i - 1).points());
                assertThat(standings.get(i).place()).isEqualTo(i + 1);
            }
            int totalPoints = standings.stream().mapToInt(Standing::points).sum();
            int draws = standings.stream().mapToInt(s -> s.tally().draws()).sum() / 2;
            assertThat(totalPoints).as(context).isEqualTo(3 * (n * (n - 1) / 2 - draws) + 2 * draws);
        }
    }
}
