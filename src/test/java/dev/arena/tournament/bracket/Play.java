package dev.arena.tournament.bracket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/** Test helpers: seeds, result generators and a driver that plays a bracket out. */
final class Play {

    private Play() {
    }

    static List<Seed> seeds(int n) {
        List<Seed> seeds = new ArrayList<>(n);
        for (int rank = 1; rank <= n; rank++) {
            seeds.add(new Seed(p(rank), rank));
        }
        return seeds;
    }

    /** The player seeded {@code rank}: its id's low bits are the rank. */
    static PlayerId p(int rank) {
        return new PlayerId(new UUID(0, rank));
    }

    static PairingId id(String id) {
        return PairingId.of(id);
    }

    static int rank(PlayerId player) {
        return Math.toIntExact(player.value().getLeastSignificantBits());
    }

    /** A valid random result: games simulated one by one, occasionally a walkover. */
    static Result random(Random random, SeriesRules rules) {
        if (random.nextInt(20) == 0) {
            return Result.walkover(random.nextBoolean() ? Side.HOME : Side.AWAY);
        }
        int home = 0;
        int away = 0;
        int draws = 0;
        while (home < rules.winsNeeded() && away < rules.winsNeeded() && home + away + draws < rules.bestOf()) {
            int roll = random.nextInt(rules.drawsAllowed() ? 5 : 4);
            if (roll == 4) {
                draws++;
            } else if (roll < 2) {
                home++;
            } else {
                away++;
            }
        }
        return Result.series(home, away, draws);
    }

    /** The better seed wins every game. */
    static Result favourite(Pairing pairing, SeriesRules rules) {
        int home = rank(pairing.homePlayer().orElseThrow());
        int away = rank(pairing.awayPlayer().orElseThrow());
        return home < away ? Result.series(rules.winsNeeded(), 0) : Result.series(0, rules.winsNeeded());
    }

    /** The opposite winner of a decided pairing, for corrections. */
    static Result flipped(Pairing pairing, SeriesRules rules) {
        Outcome outcome = pairing.outcome().orElseThrow();
        return outcome == Outcome.HOME_WIN ? Result.series(0, rules.winsNeeded()) : Result.series(rules.winsNeeded(), 0);
    }

    /** A played-out bracket and the order in which results went in. */
    record Run(Bracket bracket, List<PairingId> reported) {
    }

    /**
     * Reports results for ready pairings (in a random order each step) until none is ready, checking
     * general invariants at each step; stops early after {@code maxReports}.
     */
    static Run playOut(Bracket start, Random random, BiFunction<Pairing, Random, Result> results, int maxReports) {
        Bracket bracket = start;
        List<PairingId> reported = new ArrayList<>();
        while (reported.size() < maxReports) {
            List<Pairing> ready = new ArrayList<>(bracket.readyPairings());
            if (ready.isEmpty()) {
                break;
            }
            Collections.shuffle(ready, random);
            Pairing next = ready.getFirst();
            bracket = bracket.reportResult(next.id(), results.apply(next, random));
            reported.add(next.id());
        }
        return new Run(bracket, reported);
    }

    static Run playOut(Bracket start, Random random, BiFunction<Pairing, Random, Result> results) {
        return playOut(start, random, results, Integer.MAX_VALUE);
    }

    static Run playRandom(Bracket start, Random random) {
        SeriesRules rules = start.format().seriesRules();
        return playOut(start, random, (p, r) -> random(r, rules));
    }

    static Run playFavourites(Bracket start, Random random) {
        SeriesRules rules = start.format().seriesRules();
        return playOut(start, random, (p, r) -> favourite(p, rules));
    }

    /** Nobody appears twice in one round (side and number). */
    static void assertNobodyTwiceInARound(Bracket bracket) {
        Map<Round, Set<PlayerId>> seen = new HashMap<>();
        for (Pairing p : bracket.pairings()) {
            for (PlayerId player : p.players()) {
                assertThat(seen.computeIfAbsent(p.round(), r -> new HashSet<>()).add(player))
                        .as("%s plays twice in %s", player, p.round()).isTrue();
            }
        }
    }

    static void assertSnapshotRoundTrips(Bracket bracket) {
        BracketSnapshot snapshot = bracket.snapshot();
        Bracket restored = Brackets.restore(snapshot);
        assertThat(restored.pairings()).isEqualTo(bracket.pairings());
        assertThat(restored.standings()).isEqualTo(bracket.standings());
        assertThat(restored.isComplete()).isEqualTo(bracket.isComplete());
    }

    static List<Pairing> decided(Bracket bracket) {
        return bracket.pairings().stream().filter(Pairing::isDecided).toList();
    }
}
