package dev.arena.tournament.bracket;

import static dev.arena.tournament.bracket.Play.id;
import static dev.arena.tournament.bracket.Play.p;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class SwissTest {

    private static Format.Swiss swiss(int rounds) {
        return new Format.Swiss(rounds, 1, Points.DEFAULT);
    }

    private static List<List<PlayerId>> round(Bracket b, int round) {
        return b.pairings().stream().filter(p -> p.round().number() == round).map(Pairing::players).toList();
    }

    private static Bracket win(Bracket b, int winner, int loser) {
        return RoundRobinTest.win(b, winner, loser, 1, 0);
    }

    private static Bracket draw(Bracket b, int x, int y) {
        return b.reportResult(current(b, x, y).id(), Result.series(0, 0, 1));
    }

    /** The pairing of x and y in the latest round. */
    private static Pairing current(Bracket b, int x, int y) {
        return b.pairings().reversed().stream().filter(p -> p.involves(p(x)) && p.involves(p(y))).findFirst().orElseThrow();
    }

    @Test
    void firstRoundFoldsTopHalfAgainstBottomHalfAndSecondPairsWithinScoreGroups() {
        Bracket b = Brackets.start(swiss(3), Play.seeds(8));
        assertThat(round(b, 1)).containsExactly(List.of(p(1), p(5)), List.of(p(2), p(6)), List.of(p(3), p(7)),
                List.of(p(4), p(8)));
        assertThat(b.pairing(id("S1-1")).round()).isEqualTo(Round.winners(1));
        for (int i = 1; i <= 4; i++) {
            b = win(b, i, i + 4);
        }
        assertThat(round(b, 2)).containsExactly(List.of(p(1), p(3)), List.of(p(2), p(4)), List.of(p(5), p(7)),
                List.of(p(6), p(8)));
    }

    @Test
    void oddFieldGivesTheByeToTheLowestRankedPlayerWithoutOne() {
        Bracket b = Brackets.start(swiss(3), Play.seeds(7));
        assertThat(round(b, 1)).containsExactly(List.of(p(1), p(4)), List.of(p(2), p(5)), List.of(p(3), p(6)),
                List.of(p(7)));
        Pairing bye = b.pairing(id("S1-4"));
        assertThat(bye.state()).isEqualTo(PairingState.BYE);
        assertThat(bye.away()).isEqualTo(Slot.EMPTY);
        b = win(b, 1, 4);
        b = win(b, 2, 5);
        b = win(b, 3, 6);
        // p7 has 3 points from the bye and ranks fourth; p6 is the lowest-ranked player without a bye.
        assertThat(round(b, 2)).containsExactly(List.of(p(1), p(3)), List.of(p(7), p(2)), List.of(p(4), p(5)),
                List.of(p(6)));
        assertThat(b.standings().stream().filter(s -> s.player().equals(p(7))).findFirst().orElseThrow().points())
                .isEqualTo(3);
    }

    @Test
    void avoidsARematchEvenAcrossScoreGroupsAndBreaksTiesBySonnebornBerger() {
        Bracket b = Brackets.start(swiss(3), Play.seeds(4));
        assertThat(round(b, 1)).containsExactly(List.of(p(1), p(3)), List.of(p(2), p(4)));
        b = win(b, 1, 3);
        b = win(b, 4, 2);
        // p4 and p3 were away in round 1, so they are home now.
        assertThat(round(b, 2)).containsExactly(List.of(p(4), p(1)), List.of(p(3), p(2)));
        b = win(b, 4, 1);
        b = draw(b, 2, 3);
        // p4 (6) v p1 (3) would be a rematch: the only pairing without one is p4 v p3 and p1 v p2.
        assertThat(round(b, 3)).containsExactly(List.of(p(4), p(3)), List.of(p(1), p(2)));
        b = win(b, 3, 4);
        b = win(b, 1, 2);

        assertThat(b.isComplete()).isTrue();
        // Hand-worked: p1 and p4 both have 6 points and Buchholz 11 (4+6+1 and 1+6+4);
        // Sonneborn-Berger p4 = 3·1 + 3·6 + 0·4 = 21, p1 = 3·4 + 0·6 + 3·1 = 15.
        assertThat(b.standings()).extracting(Standing::player, Standing::points,
                s -> s.tiebreak(Tiebreak.BUCHHOLZ), s -> s.tiebreak(Tiebreak.SONNEBORN_BERGER)).containsExactly(
                Tuple.tuple(p(4), 6, 11, 21), Tuple.tuple(p(1), 6, 11, 15),
                Tuple.tuple(p(3), 4, 13, 19), Tuple.tuple(p(2), 1, 16, 4));
    }

    @Test
    void floatsTheLowestOfAGroupDownAndBreaksTiesByBuchholz() {
        Bracket b = Brackets.start(swiss(2), Play.seeds(6));
        assertThat(round(b, 1)).containsExactly(List.of(p(1), p(4)), List.of(p(2), p(5)), List.of(p(3), p(6)));
        b = win(b, 1, 4);
        b = win(b, 2, 5);
        b = win(b, 3, 6);
        // Three players on 3 points: p3 floats down to the best of the group below.
        assertThat(round(b, 2)).containsExactly(List.of(p(1), p(2)), List.of(p(4), p(3)), List.of(p(5), p(6)));
        b = win(b, 1, 2);
        b = win(b, 4, 3);
        b = draw(b, 5, 6);

        assertThat(b.standings()).extracting(Standing::player, Standing::points,
                s -> s.tiebreak(Tiebreak.BUCHHOLZ), s -> s.tiebreak(Tiebreak.SONNEBORN_BERGER)).containsExactly(
                Tuple.tuple(p(1), 6, 6, 18), Tuple.tuple(p(4), 3, 9, 9), Tuple.tuple(p(2), 3, 7, 3),
                Tuple.tuple(p(3), 3, 4, 3), Tuple.tuple(p(5), 1, 4, 1), Tuple.tuple(p(6), 1, 4, 1));
    }

    @Test
    void correctionRepairsTheUnplayedNextRoundOnly() {
        Bracket b = Brackets.start(swiss(3), Play.seeds(4));
        b = win(b, 1, 3);
        b = win(b, 2, 4);
        assertThat(round(b, 2)).containsExactly(List.of(p(1), p(2)), List.of(p(3), p(4)));

        // 4 beat 2 after all: round 2 is paired again from the corrected round 1.
        Correction c = b.correctResult(id("S1-2"), Result.walkover(Side.HOME));
        assertThat(c.reset()).containsExactly(id("S2-1"), id("S2-2"));
        assertThat(round(c.bracket(), 2)).containsExactly(List.of(p(4), p(1)), List.of(p(3), p(2)));

        // Same winner: nothing to re-pair.
        assertThat(b.correctResult(id("S1-2"), Result.walkover(Side.AWAY)).reset()).isEmpty();

        // Once round 2 has a result its pairings stand; only points move.
        Bracket playing = win(b, 1, 2);
        Correction late = playing.correctResult(id("S1-2"), Result.walkover(Side.HOME));
        assertThat(late.reset()).isEmpty();
        assertThat(round(late.bracket(), 2)).isEqualTo(round(playing, 2));
        assertThat(late.bracket().standings().stream().filter(s -> s.player().equals(p(4))).findFirst()
                .orElseThrow().points()).isEqualTo(3);

        // A correction in the current round changes nothing else.
        assertThat(playing.correctResult(current(playing, 1, 2).id(), Result.series(0, 1)).reset()).isEmpty();
    }

    @Test
    void refusesMoreRoundsThanOpponents() {
        SingleEliminationTest.assertReason(() -> Brackets.start(swiss(4), Play.seeds(4)), BracketException.Reason.INVALID_FORMAT);
        assertThat(Brackets.start(swiss(5), Play.seeds(5)).pairings()).hasSize(3);
    }

    @Test
    void propertiesHoldForEverySizeWithRandomResults() {
        for (int n = 2; n <= 64; n++) {
            for (int trial = 0; trial < 2; trial++) {
                Random random = new Random(4000L * n + trial);
                int maxRounds = SwissBracket.maxRounds(n);
                int rounds = n <= 12 ? maxRounds : 1 + random.nextInt(Math.min(maxRounds, 9));
                Format.Swiss format = new Format.Swiss(rounds, 1 + 2 * trial, Points.DEFAULT);
                Bracket start = Brackets.start(format, Play.seeds(n));
                Bracket done = Play.playRandom(start, random).bracket();
                String context = "n=" + n + " rounds=" + rounds + " trial=" + trial;

                assertThat(done.isComplete()).as(context).isTrue();
                assertThat(done.pairings().stream().mapToInt(p -> p.round().number()).max().orElseThrow()).isEqualTo(rounds);
                Play.assertNobodyTwiceInARound(done);
                Play.assertSnapshotRoundTrips(done);
                Set<PlayerId> hadBye = new HashSet<>();
                for (int r = 1; r <= rounds; r++) {
                    int round = r;
                    List<Pairing> pairings = done.pairings().stream().filter(p -> p.round().number() == round).toList();
                    List<Pairing> history = done.pairings().stream().filter(p -> p.round().number() < round).toList();
                    assertThat(pairings.stream().mapToInt(p -> p.players().size()).sum()).as(context).isEqualTo(n);
                    List<PlayerId> byes = pairings.stream().filter(p -> p.state() instanceof PairingState.Bye)
                            .map(p -> p.homePlayer().orElseThrow()).toList();
                    assertThat(byes).as(context).hasSize(n % 2);
                    for (PlayerId bye : byes) {
                        assertThat(hadBye.add(bye)).as(context + " second bye for " + bye).isTrue();
                    }
                    int rematches = rematches(pairings, history);
                    if (2 * (round - 1) < n - 1) {
                        // Everyone still has at least half the field as new opponents (Dirac): always avoidable.
                        assertThat(rematches).as(context + " round " + round).isZero();
                    }
                    if (n <= 12) {
                        Oracle oracle = Oracle.of(done.seeds(), history);
                        assertThat(rematches).as(context + " round " + round + " rematches").isEqualTo(oracle.minRematches());
                        byes.forEach(bye -> assertThat(bye).as(context + " round " + round + " bye").isEqualTo(oracle.bye()));
                    }
                }
                assertCorrectionRepairsLikeAReplay(format, done, random, context);
            }
        }
    }

    /**
     * Small fields played to the maximum number of rounds, where late rounds often cannot avoid every
     * rematch: each round must have exactly the exhaustive minimum of rematches, and an odd field's bye must
     * go to the lowest-ranked player without a bye among those allowing that minimum.
     */
    @Test
    void smallFieldsMatchTheExhaustiveOptimumUpToTheLastRound() {
        int forced = 0;
        for (int n = 3; n <= 12; n++) {
            for (int trial = 0; trial < 40; trial++) {
                Random random = new Random(5000L * n + trial);
                Format.Swiss format = new Format.Swiss(SwissBracket.maxRounds(n), 1, Points.DEFAULT);
                Bracket done = Play.playRandom(Brackets.start(format, Play.seeds(n)), random).bracket();
                for (int r = 2; r <= format.rounds(); r++) {
                    int round = r;
                    List<Pairing> pairings = done.pairings().stream().filter(p -> p.round().number() == round).toList();
                    List<Pairing> history = done.pairings().stream().filter(p -> p.round().number() < round).toList();
                    Oracle oracle = Oracle.of(done.seeds(), history);
                    String context = "n=" + n + " trial=" + trial + " round=" + round;
                    assertThat(rematches(pairings, history)).as(context).isEqualTo(oracle.minRematches());
                    pairings.stream().filter(p -> p.state() instanceof PairingState.Bye)
                            .forEach(p -> assertThat(p.homePlayer()).as(context).contains(oracle.bye()));
                    forced += oracle.minRematches() > 0 ? 1 : 0;
                }
            }
        }
        // The sweep must actually reach rounds where rematches are forced, or it proves little.
        assertThat(forced).isGreaterThan(50);
    }

    private static int rematches(List<Pairing> pairings, List<Pairing> history) {
        Set<Set<PlayerId>> met = new HashSet<>();
        history.stream().filter(p -> p.players().size() == 2).forEach(p -> met.add(Set.copyOf(p.players())));
        return (int) pairings.stream().filter(p -> p.players().size() == 2 && met.contains(Set.copyOf(p.players()))).count();
    }

    /**
     * Correct a random result of round r &lt; last while round r+1 had no result: round r+1 must equal the
     * pairing of a fresh Swiss fed the corrected results, and the reset list must name its changed tables.
     */
    private static void assertCorrectionRepairsLikeAReplay(Format.Swiss format, Bracket done, Random random, String context) {
        if (format.rounds() < 2) {
            return;
        }
        int r = 1 + random.nextInt(format.rounds() - 1);
        Bracket before = replay(format, done, r, null, null);
        List<Pairing> decided = before.pairings().stream().filter(p -> p.round().number() == r && p.isDecided()).toList();
        if (decided.isEmpty()) {
            return;
        }
        Pairing target = decided.get(random.nextInt(decided.size()));
        Result corrected = Play.flipped(target, format.seriesRules());
        Correction c = before.correctResult(target.id(), corrected);
        Bracket expected = replay(format, done, r, target.id(), corrected);
        assertThat(c.bracket().pairings()).as(context).isEqualTo(expected.pairings());
        Set<PairingId> changed = new HashSet<>();
        for (Pairing old : before.pairings()) {
            if (old.round().number() == r + 1 && !old.equals(expected.pairing(old.id()))) {
                changed.add(old.id());
            }
        }
        assertThat(new HashSet<>(c.reset())).as(context).isEqualTo(changed);
    }

    /** A fresh Swiss fed the results of rounds 1..r of {@code done}, one of them optionally replaced. */
    private static Bracket replay(Format.Swiss format, Bracket done, int r, PairingId replaced, Result replacement) {
        Bracket b = Brackets.start(format, done.seeds());
        for (int round = 1; round <= r; round++) {
            for (Pairing p : b.pairings().stream().filter(Pairing::isDecided).toList()) {
                assertThat(p).isNotNull();
            }
            int current = round;
            for (Pairing p : List.copyOf(b.pairings())) {
                if (p.round().number() == current && p.state() instanceof PairingState.Ready) {
                    Result result = p.id().equals(replaced) ? replacement : done.pairing(p.id()).result().orElseThrow();
                    b = b.reportResult(p.id(), result);
                }
            }
        }
        return b;
    }

    /** Exhaustive pairing optimum for small fields: fewest rematches, then the lowest-ranked eligible bye. */
    private record Oracle(int minRematches, PlayerId bye) {

        static Oracle of(List<Seed> seeds, List<Pairing> history) {
            int n = seeds.size();
            Map<PlayerId, Integer> points = new HashMap<>();
            Set<PlayerId> hadBye = new HashSet<>();
            Set<Set<PlayerId>> met = new HashSet<>();
            for (Pairing p : history) {
                if (p.state() instanceof PairingState.Bye) {
                    hadBye.add(p.homePlayer().orElseThrow());
                    points.merge(p.homePlayer().orElseThrow(), 3, Integer::sum);
                    continue;
                }
                met.add(Set.copyOf(p.players()));
                Outcome o = p.outcome().orElseThrow();
                points.merge(p.homePlayer().orElseThrow(), o == Outcome.HOME_WIN ? 3 : o == Outcome.DRAW ? 1 : 0, Integer::sum);
                points.merge(p.awayPlayer().orElseThrow(), o == Outcome.AWAY_WIN ? 3 : o == Outcome.DRAW ? 1 : 0, Integer::sum);
            }
            List<PlayerId> ranked = seeds.stream()
                    .sorted(Comparator.<Seed>comparingInt(s -> points.getOrDefault(s.player(), 0)).reversed()
                            .thenComparingInt(Seed::rank))
                    .map(Seed::player).toList();
            boolean[][] rematch = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    rematch[i][j] = i != j && met.contains(Set.of(ranked.get(i), ranked.get(j)));
                }
            }
            int[] memo = new int[1 << n];
            Arrays.fill(memo, -1);
            int all = (1 << n) - 1;
            if (n % 2 == 0) {
                return new Oracle(min(all, rematch, memo), null);
            }
            int best = Integer.MAX_VALUE;
            PlayerId bye = null;
            for (int x = n - 1; x >= 0; x--) {
                if (!hadBye.contains(ranked.get(x))) {
                    int cost = min(all & ~(1 << x), rematch, memo);
                    if (cost < best) {
                        best = cost;
                        bye = ranked.get(x);
                    }
                }
            }
            return new Oracle(best, bye);
        }

        private static int min(int mask, boolean[][] rematch, int[] memo) {
            if (mask == 0) {
                return 0;
            }
            if (memo[mask] >= 0) {
                return memo[mask];
            }
            int i = Integer.numberOfTrailingZeros(mask);
            int rest = mask & ~(1 << i);
            int best = Integer.MAX_VALUE;
            for (int j = i + 1; j < rematch.length; j++) {
                if ((rest & (1 << j)) != 0) {
                    best = Math.min(best, (rematch[i][j] ? 1 : 0) + min(rest & ~(1 << j), rematch, memo));
                }
            }
            memo[mask] = best;
            return best;
        }
    }
}
