package dev.arena.tournament.bracket;

import static dev.arena.tournament.bracket.Play.id;
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

class DoubleEliminationTest {

    private static final Format BO1 = new Format.DoubleElimination(1);

    /** Four players, favourites win the winners bracket: 1 beats 4, 2 beats 3, 1 beats 2. */
    private static Bracket fourPlayersThroughWinnersBracket() {
        Bracket b = Brackets.start(BO1, Play.seeds(4));
        b = b.reportResult(id("W1-1"), Result.series(1, 0));
        b = b.reportResult(id("W1-2"), Result.series(1, 0));
        b = b.reportResult(id("W2-1"), Result.series(1, 0));
        return b;
    }

    @Test
    void fourPlayerBracketWithGrandFinalReset() {
        Bracket b = fourPlayersThroughWinnersBracket();
        assertThat(b.pairing(id("L1-1")).players()).containsExactly(p(4), p(3));
        assertThat(b.pairing(id("L2-1")).away()).isEqualTo(Slot.of(p(2)));
        b = b.reportResult(id("L1-1"), Result.series(0, 1)); // 3 beats 4
        b = b.reportResult(id("L2-1"), Result.series(0, 1)); // 2 beats 3
        assertThat(b.pairing(id("GF1")).players()).containsExactly(p(1), p(2));
        assertThat(b.pairing(id("GF2")).state()).isEqualTo(PairingState.PENDING);

        b = b.reportResult(id("GF1"), Result.series(0, 1));  // losers champion wins: reset
        assertThat(b.isComplete()).isFalse();
        assertThat(b.pairing(id("GF2")).players()).containsExactly(p(1), p(2));
        assertThat(b.pairing(id("GF2")).round()).isEqualTo(Round.grandFinal(2));
        b = b.reportResult(id("GF2"), Result.series(0, 1));

        assertThat(b.isComplete()).isTrue();
        assertThat(Play.decided(b)).hasSize(2 * 4 - 1);
        assertThat(b.standings()).extracting(Standing::place, Standing::player).containsExactly(
                Tuple.tuple(1, p(2)), Tuple.tuple(2, p(1)), Tuple.tuple(3, p(3)), Tuple.tuple(4, p(4)));
    }

    @Test
    void noResetWhenTheWinnersChampionWinsTheFirstFinal() {
        Bracket b = fourPlayersThroughWinnersBracket();
        b = b.reportResult(id("L1-1"), Result.series(0, 1));
        b = b.reportResult(id("L2-1"), Result.series(0, 1));
        b = b.reportResult(id("GF1"), Result.series(1, 0));

        assertThat(b.isComplete()).isTrue();
        assertThat(b.pairing(id("GF2")).state()).isEqualTo(PairingState.SKIPPED);
        assertThat(Play.decided(b)).hasSize(2 * 4 - 2);
        assertThat(b.standings()).extracting(Standing::player).containsExactly(p(1), p(2), p(3), p(4));
    }

    @Test
    void correctionsResetDownstreamPairingsIncludingTheReset() {
        Bracket b = fourPlayersThroughWinnersBracket();
        b = b.reportResult(id("L1-1"), Result.series(0, 1));
        b = b.reportResult(id("L2-1"), Result.series(0, 1));
        b = b.reportResult(id("GF1"), Result.series(0, 1));
        b = b.reportResult(id("GF2"), Result.series(0, 1));

        Correction finalFixed = b.correctResult(id("GF1"), Result.series(1, 0));
        assertThat(finalFixed.reset()).containsExactly(id("GF2"));
        assertThat(finalFixed.bracket().pairing(id("GF2")).state()).isEqualTo(PairingState.SKIPPED);
        assertThat(finalFixed.bracket().isComplete()).isTrue();

        // 2 beat 1 in the winners final after all: 1 drops to the losers final, everything after is replayed.
        Correction winnersFinal = b.correctResult(id("W2-1"), Result.series(0, 1));
        assertThat(winnersFinal.reset()).containsExactly(id("L2-1"), id("GF1"), id("GF2"));
        Bracket after = winnersFinal.bracket();
        assertThat(after.pairing(id("L2-1")).players()).containsExactly(p(3), p(1));
        assertThat(after.pairing(id("L1-1")).isDecided()).isTrue();

        // 4 beat 3 in the losers bracket: only the losers final and the grand finals depend on it.
        Correction losers = b.correctResult(id("L1-1"), Result.walkover(Side.AWAY));
        assertThat(losers.reset()).containsExactly(id("L2-1"), id("GF1"), id("GF2"));
        assertThat(losers.bracket().pairing(id("L2-1")).players()).containsExactly(p(4), p(2));
    }

    @Test
    void losersDropInReversedThenHalfShiftedOrder() {
        Bracket eight = Brackets.start(BO1, Play.seeds(8));
        assertThat(eight.pairing(id("L2-1")).away()).isEqualTo(new Slot.Awaiting(id("W2-2"), Feed.LOSER));
        assertThat(eight.pairing(id("L2-2")).away()).isEqualTo(new Slot.Awaiting(id("W2-1"), Feed.LOSER));
        assertThat(eight.pairing(id("L4-1")).away()).isEqualTo(new Slot.Awaiting(id("W3-1"), Feed.LOSER));

        Bracket sixteen = Brackets.start(BO1, Play.seeds(16));
        assertThat(sixteen.pairings().stream().filter(p -> p.round().side() == BracketSide.LOSERS)
                .map(p -> p.id() + "<" + p.away()).toList()).contains(
                "L1-1<Awaiting[pairing=W1-2, feed=LOSER]",
                "L2-1<Awaiting[pairing=W2-4, feed=LOSER]", "L2-4<Awaiting[pairing=W2-1, feed=LOSER]",
                "L4-1<Awaiting[pairing=W3-2, feed=LOSER]", "L4-2<Awaiting[pairing=W3-1, feed=LOSER]",
                "L6-1<Awaiting[pairing=W4-1, feed=LOSER]");
    }

    @Test
    void twoPlayersMeetAtMostThreeTimes() {
        Bracket b = Brackets.start(BO1, Play.seeds(2));
        b = b.reportResult(id("W1-1"), Result.series(1, 0));
        assertThat(b.pairing(id("GF1")).players()).containsExactly(p(1), p(2));
        b = b.reportResult(id("GF1"), Result.series(0, 1));
        b = b.reportResult(id("GF2"), Result.series(1, 0));
        assertThat(b.isComplete()).isTrue();
        assertThat(b.standings()).extracting(Standing::player).containsExactly(p(1), p(2));
    }

    @Test
    void propertiesHoldForEverySizeWithRandomResults() {
        for (int n = 2; n <= 64; n++) {
            for (int trial = 0; trial < 3; trial++) {
                Random random = new Random(2000L * n + trial);
                Format format = new Format.DoubleElimination(new int[] {1, 3, 5}[trial]);
                Bracket start = Brackets.start(format, Play.seeds(n));
                Play.Run run = Play.playRandom(start, random);
                Bracket done = run.bracket();
                String context = "n=" + n + " trial=" + trial;

                assertThat(done.isComplete()).as(context).isTrue();
                int played = Play.decided(done).size();
                boolean reset = done.pairing(id("GF2")).isDecided();
                assertThat(played).as(context).isEqualTo(reset ? 2 * n - 1 : 2 * n - 2);
                assertThat(done.standings().stream().filter(s -> s.place() == 1)).as(context).hasSize(1);
                Play.assertNobodyTwiceInARound(done);
                assertTwoLossesEliminate(done, run.reported(), context);
                assertNoImmediateRematchInLosersRoundTwo(done, context);
                Play.assertSnapshotRoundTrips(done);
                SingleEliminationTest.assertCorrectionProperties(start, done, random, context);

                // Mid-tournament snapshots restore too.
                Play.Run partial = Play.playOut(start, random, (p, r) -> Play.random(r, format.seriesRules()), played / 2);
                Play.assertSnapshotRoundTrips(partial.bracket());
            }
        }
    }

    @Test
    void favouritesAlwaysWinningRanksPlayersInSeedOrder() {
        for (int n = 2; n <= 64; n++) {
            Bracket done = Play.playFavourites(Brackets.start(BO1, Play.seeds(n)), new Random(n)).bracket();
            List<Standing> standings = done.standings();
            assertThat(standings.getFirst().player()).isEqualTo(p(1));
            for (int i = 1; i < standings.size(); i++) {
                assertThat(standings.get(i).seed()).isGreaterThan(standings.get(i - 1).seed());
                assertThat(standings.get(i).place()).isGreaterThanOrEqualTo(standings.get(i - 1).place());
            }
            assertThat(done.pairing(id("GF2")).state()).isEqualTo(PairingState.SKIPPED);
        }
    }

    /** In report order: a player's second loss is the last pairing they play; the champion has at most one. */
    private static void assertTwoLossesEliminate(Bracket done, List<PairingId> reported, String context) {
        Map<PlayerId, Integer> losses = new HashMap<>();
        for (PairingId pid : reported) {
            Pairing p = done.pairing(pid);
            for (PlayerId player : p.players()) {
                assertThat(losses.getOrDefault(player, 0)).as("%s: %s plays %s after two losses", context, player, pid)
                        .isLessThan(2);
            }
            losses.merge(p.loser().orElseThrow(), 1, Integer::sum);
        }
        PlayerId champion = done.standings().getFirst().player();
        assertThat(losses.getOrDefault(champion, 0)).as(context).isLessThanOrEqualTo(1);
        for (Seed seed : done.seeds()) {
            if (!seed.player().equals(champion)) {
                assertThat(losses.get(seed.player())).as(context + " " + seed.player()).isEqualTo(2);
            }
        }
    }

    private static void assertNoImmediateRematchInLosersRoundTwo(Bracket done, String context) {
        if (done.seeds().size() <= 4) {
            return;
        }
        Set<Set<PlayerId>> met = new HashSet<>();
        for (Pairing p : done.pairings()) {
            if (p.isDecided() && (p.round().equals(Round.winners(1)) || p.round().equals(Round.losers(1))
                    || p.round().equals(Round.winners(2)))) {
                met.add(Set.copyOf(p.players()));
            }
        }
        for (Pairing p : done.pairings()) {
            if (p.round().equals(Round.losers(2)) && p.isDecided()) {
                assertThat(met).as(context + " rematch in " + p.id()).doesNotContain(Set.copyOf(p.players()));
            }
        }
    }
}
