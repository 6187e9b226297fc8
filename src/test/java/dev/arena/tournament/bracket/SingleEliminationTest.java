package dev.arena.tournament.bracket;

import static dev.arena.tournament.bracket.Play.id;
import static dev.arena.tournament.bracket.Play.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SingleEliminationTest {

    private static final Format BO1 = new Format.SingleElimination(1, false);
    private static final Format BO3_THIRD = new Format.SingleElimination(3, true);

    @Test
    void eightPlayersUseStandardSeedingSoTopSeedsMeetLast() {
        Bracket bracket = Brackets.start(BO1, Play.seeds(8));

        assertThat(bracket.readyPairings()).extracting(Pairing::id, Pairing::players).containsExactly(
                org.assertj.core.groups.Tuple.tuple(id("W1-1"), List.of(p(1), p(8))),
                org.assertj.core.groups.Tuple.tuple(id("W1-2"), List.of(p(4), p(5))),
                org.assertj.core.groups.Tuple.tuple(id("W1-3"), List.of(p(2), p(7))),
                org.assertj.core.groups.Tuple.tuple(id("W1-4"), List.of(p(3), p(6))));
        assertThat(bracket.pairing(id("W2-1")).home()).isEqualTo(new Slot.Awaiting(id("W1-1"), Feed.WINNER));

        Bracket done = Play.playFavourites(bracket, new Random(1)).bracket();
        assertThat(done.pairing(id("W2-1")).players()).containsExactly(p(1), p(4));
        assertThat(done.pairing(id("W2-2")).players()).containsExactly(p(2), p(3));
        assertThat(done.pairing(id("W3-1")).players()).containsExactly(p(1), p(2));
        assertThat(done.isComplete()).isTrue();
        assertThat(done.standings()).extracting(Standing::place, Standing::player).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, p(1)), org.assertj.core.groups.Tuple.tuple(2, p(2)),
                org.assertj.core.groups.Tuple.tuple(3, p(3)), org.assertj.core.groups.Tuple.tuple(3, p(4)),
                org.assertj.core.groups.Tuple.tuple(5, p(5)), org.assertj.core.groups.Tuple.tuple(5, p(6)),
                org.assertj.core.groups.Tuple.tuple(5, p(7)), org.assertj.core.groups.Tuple.tuple(5, p(8)));
    }

    @Test
    void byesGoToTopSeeds() {
        Bracket bracket = Brackets.start(BO1, Play.seeds(6));

        assertThat(bracket.pairing(id("W1-1")).state()).isEqualTo(PairingState.BYE);
        assertThat(bracket.pairing(id("W1-1")).players()).containsExactly(p(1));
        assertThat(bracket.pairing(id("W1-3")).state()).isEqualTo(PairingState.BYE);
        assertThat(bracket.pairing(id("W1-3")).players()).containsExactly(p(2));
        assertThat(bracket.readyPairings()).extracting(Pairing::id).containsExactly(id("W1-2"), id("W1-4"));
        // Seed 1 already sits in round 2, waiting for the winner of 4 v 5.
        Pairing semi = bracket.pairing(id("W2-1"));
        assertThat(semi.home()).isEqualTo(Slot.of(p(1)));
        assertThat(semi.away()).isEqualTo(new Slot.Awaiting(id("W1-2"), Feed.WINNER));
        assertThat(semi.state()).isEqualTo(PairingState.PENDING);
        assertThat(bracket.pairing(id("W1-1")).winner()).contains(p(1));
        assertThat(bracket.standings().getFirst().tally().byes()).isEqualTo(1);
    }

    @Test
    void thirdPlaceMatchSplitsTheLosingSemiFinalists() {
        Bracket b = Brackets.start(BO3_THIRD, Play.seeds(4));
        b = b.reportResult(id("W1-1"), Result.series(1, 2)); // 4 beats 1
        b = b.reportResult(id("W1-2"), Result.series(2, 1)); // 2 beats 3
        assertThat(b.pairing(id("W2-1")).players()).containsExactly(p(4), p(2));
        assertThat(b.pairing(id("3RD")).players()).containsExactly(p(1), p(3));
        assertThat(b.pairing(id("3RD")).round()).isEqualTo(Round.winners(2));
        b = b.reportResult(id("3RD"), Result.series(0, 2));   // 3 takes third
        b = b.reportResult(id("W2-1"), Result.walkover(Side.AWAY)); // 2 does not show: 4 wins

        assertThat(b.isComplete()).isTrue();
        assertThat(b.standings()).extracting(Standing::place, Standing::player).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, p(4)), org.assertj.core.groups.Tuple.tuple(2, p(2)),
                org.assertj.core.groups.Tuple.tuple(3, p(3)), org.assertj.core.groups.Tuple.tuple(4, p(1)));
        Standing champion = b.standings().getFirst();
        // Walkover counted as a 2-0 win in a best of 3.
        assertThat(champion.tally()).isEqualTo(new Tally(2, 2, 0, 0, 0, 4, 1));
    }

    @Test
    void threePlayersGetTheirThirdPlaceMatchAsABye() {
        Bracket b = Brackets.start(BO3_THIRD, Play.seeds(3));
        b = b.reportResult(id("W1-2"), Result.series(2, 0));
        assertThat(b.pairing(id("3RD")).state()).isEqualTo(PairingState.BYE);
        b = b.reportResult(id("W2-1"), Result.series(2, 0));
        assertThat(b.isComplete()).isTrue();
        assertThat(b.standings()).extracting(Standing::place).containsExactly(1, 2, 3);
    }

    @Test
    void refusesTransitionsThatDoNotFit() {
        Bracket b = Brackets.start(BO3_THIRD, Play.seeds(8));
        assertReason(() -> b.reportResult(id("W2-1"), Result.series(2, 0)), BracketException.Reason.NOT_READY);
        assertReason(() -> b.reportResult(id("nope"), Result.series(2, 0)), BracketException.Reason.UNKNOWN_PAIRING);
        assertReason(() -> b.reportResult(id("W1-1"), Result.series(1, 1, 1)), BracketException.Reason.DRAW_NOT_ALLOWED);
        assertReason(() -> b.reportResult(id("W1-1"), Result.series(1, 0)), BracketException.Reason.INVALID_RESULT);
        assertReason(() -> b.reportResult(id("W1-1"), Result.series(3, 0)), BracketException.Reason.INVALID_RESULT);
        assertReason(() -> b.correctResult(id("W1-1"), Result.series(2, 0)), BracketException.Reason.NOT_DECIDED);
        Bracket played = b.reportResult(id("W1-1"), Result.series(2, 1));
        assertReason(() -> played.reportResult(id("W1-1"), Result.series(2, 0)), BracketException.Reason.ALREADY_DECIDED);
        assertReason(() -> Brackets.start(BO1, Play.seeds(1)), BracketException.Reason.INVALID_SEEDS);
        assertReason(() -> Brackets.start(BO1, List.of(new Seed(Play.p(1), 1), new Seed(Play.p(1), 2))), BracketException.Reason.INVALID_SEEDS);
        assertReason(() -> Brackets.start(BO1, List.of(new Seed(Play.p(1), 1), new Seed(Play.p(2), 3))), BracketException.Reason.INVALID_SEEDS);
        // The previous value is untouched by a transition.
        assertThat(b.pairing(id("W1-1")).state()).isEqualTo(PairingState.READY);
    }

    @Test
    void correctionResetsExactlyTheDependentPairings() {
        Bracket done = Play.playFavourites(Brackets.start(BO3_THIRD, Play.seeds(8)), new Random(2)).bracket();

        Correction sameWinner = done.correctResult(id("W1-2"), Result.series(2, 1));
        assertThat(sameWinner.reset()).isEmpty();
        assertThat(sameWinner.bracket().isComplete()).isTrue();

        Correction quarter = done.correctResult(id("W1-2"), Result.series(0, 2)); // 5 beat 4 after all
        assertThat(quarter.reset()).containsExactly(id("W2-1"), id("W3-1"), id("3RD"));
        Bracket after = quarter.bracket();
        assertThat(after.pairing(id("W2-1")).players()).containsExactly(p(1), p(5));
        assertThat(after.pairing(id("W2-1")).state()).isEqualTo(PairingState.READY);
        assertThat(after.pairing(id("W3-1")).state()).isEqualTo(PairingState.PENDING);
        assertThat(after.pairing(id("W2-2")).result()).isEqualTo(done.pairing(id("W2-2")).result());

        Correction semi = done.correctResult(id("W2-2"), Result.series(1, 2)); // 3 beat 2
        assertThat(semi.reset()).containsExactly(id("W3-1"), id("3RD"));
        assertThat(semi.bracket().pairing(id("W3-1")).players()).containsExactly(p(1), p(3));
        assertThat(semi.bracket().pairing(id("3RD")).players()).containsExactly(p(4), p(2));

        assertThat(done.correctResult(id("W3-1"), Result.series(0, 2)).reset()).isEmpty();
    }

    @Test
    void propertiesHoldForEverySizeWithRandomResults() {
        for (int n = 2; n <= 64; n++) {
            for (int trial = 0; trial < 3; trial++) {
                Random random = new Random(1000L * n + trial);
                boolean third = random.nextBoolean();
                Format format = new Format.SingleElimination(new int[] {1, 3, 5}[trial], third);
                Bracket start = Brackets.start(format, Play.seeds(n));
                Play.Run run = Play.playRandom(start, random);
                Bracket done = run.bracket();
                String context = "n=" + n + " trial=" + trial;

                assertThat(done.isComplete()).as(context).isTrue();
                List<Pairing> decided = Play.decided(done);
                List<Pairing> main = decided.stream().filter(p -> !p.id().equals(id("3RD"))).toList();
                assertThat(main).as(context).hasSize(n - 1);
                int size = Integer.highestOneBit(n - 1) * 2;
                assertThat(done.pairings().stream()
                        .filter(p -> p.state() instanceof PairingState.Bye && !p.id().equals(id("3RD"))).count())
                        .as(context).isEqualTo(size - n);
                assertThat(done.standings().stream().filter(s -> s.place() == 1)).as(context).hasSize(1);
                Play.assertNobodyTwiceInARound(done);
                assertKnockedOutPlayersNeverReturn(done, run.reported(), context);
                Play.assertSnapshotRoundTrips(done);
                assertCorrectionProperties(start, done, random, context);
            }
        }
    }

    @Test
    void favouritesAlwaysWinningMeansPlacesFollowSeeds() {
        for (int n = 2; n <= 64; n++) {
            Bracket done = Play.playFavourites(Brackets.start(BO1, Play.seeds(n)), new Random(n)).bracket();
            for (Standing s : done.standings()) {
                // Seed s is knocked out by the seed it meets in the round where 2^r ≥ s: place 2^(r-1)+1.
                int expected = s.seed() == 1 ? 1 : Integer.highestOneBit(s.seed() - 1) + 1;
                assertThat(s.place()).as("n=%d seed %d", n, s.seed()).isEqualTo(expected);
            }
        }
    }

    /** In report order: once a player lost (outside the third-place match), they appear in no later pairing. */
    private static void assertKnockedOutPlayersNeverReturn(Bracket done, List<PairingId> reported, String context) {
        Set<PlayerId> out = new HashSet<>();
        Set<PlayerId> semiLosers = new HashSet<>();
        for (PairingId pid : reported) {
            Pairing p = done.pairing(pid);
            boolean third = pid.equals(id("3RD"));
            for (PlayerId player : p.players()) {
                assertThat(out.contains(player) && !(third && semiLosers.contains(player)))
                        .as("%s: %s plays %s after being knocked out", context, player, pid).isFalse();
            }
            if (!third) {
                PlayerId loser = p.loser().orElseThrow();
                out.add(loser);
                if (done.pairing(pid).round().number() == done.pairings().stream()
                        .mapToInt(x -> x.round().number()).max().orElseThrow() - 1) {
                    semiLosers.add(loser);
                }
            }
        }
    }

    /**
     * Flip the winner of random decided pairings. The reset pairings must be exactly the decided pairings
     * downstream of the corrected one (following the "awaiting" links of the fresh bracket); every other
     * pairing keeps its players and state; the corrected bracket plays out to a valid end.
     */
    static void assertCorrectionProperties(Bracket start, Bracket done, Random random, String context) {
        Map<PairingId, List<PairingId>> feeds = new HashMap<>();
        for (Pairing p : start.pairings()) {
            for (Slot slot : List.of(p.home(), p.away())) {
                if (slot instanceof Slot.Awaiting a) {
                    feeds.computeIfAbsent(a.pairing(), k -> new ArrayList<>()).add(p.id());
                }
            }
        }
        List<Pairing> decided = Play.decided(done);
        SeriesRules rules = done.format().seriesRules();
        for (int i = 0; i < 3 && !decided.isEmpty(); i++) {
            Pairing target = decided.get(random.nextInt(decided.size()));
            Set<PairingId> downstream = new HashSet<>();
            List<PairingId> todo = new ArrayList<>(List.of(target.id()));
            while (!todo.isEmpty()) {
                for (PairingId next : feeds.getOrDefault(todo.removeLast(), List.of())) {
                    if (downstream.add(next)) {
                        todo.add(next);
                    }
                }
            }
            Set<PairingId> expected = new HashSet<>();
            for (PairingId d : downstream) {
                if (done.pairing(d).isDecided()) {
                    expected.add(d);
                }
            }
            Correction c = done.correctResult(target.id(), Play.flipped(target, rules));
            assertThat(new HashSet<>(c.reset())).as(context + " correcting " + target.id()).isEqualTo(expected);
            Bracket after = c.bracket();
            for (Pairing before : done.pairings()) {
                Pairing now = after.pairing(before.id());
                if (before.id().equals(target.id())) {
                    assertThat(now.winner()).isEqualTo(before.loser());
                } else if (!downstream.contains(before.id())) {
                    assertThat(now).as(context + " untouched " + before.id()).isEqualTo(before);
                } else if (expected.contains(before.id())) {
                    assertThat(now.isDecided()).isFalse();
                }
            }
            // Restoring replays the results in layout order: the incrementally corrected state must match it.
            Play.assertSnapshotRoundTrips(after);
            Bracket replayed = Play.playRandom(after, random).bracket();
            assertThat(replayed.isComplete()).as(context).isTrue();
            Play.assertNobodyTwiceInARound(replayed);
        }
    }

    static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, BracketException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BracketException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
