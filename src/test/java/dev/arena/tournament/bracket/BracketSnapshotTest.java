package dev.arena.tournament.bracket;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.arena.tournament.bracket.SingleEliminationTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

class BracketSnapshotTest {

    private static final List<Format> FORMATS = List.of(new Format.SingleElimination(3, true),
            new Format.DoubleElimination(1), new Format.RoundRobin(3, Points.DEFAULT), new Format.Swiss(4, 1, Points.DEFAULT));

    @Test
    void everyFormatRestoresAtEveryStep() {
        for (Format format : FORMATS) {
            Random random = new Random(format.hashCode());
            Bracket bracket = Brackets.start(format, Play.seeds(9));
            Play.assertSnapshotRoundTrips(bracket);
            while (!bracket.readyPairings().isEmpty()) {
                Pairing next = bracket.readyPairings().get(random.nextInt(bracket.readyPairings().size()));
                bracket = bracket.reportResult(next.id(), Play.random(random, format.seriesRules()));
                Play.assertSnapshotRoundTrips(bracket);
            }
            assertThat(bracket.isComplete()).as(format.toString()).isTrue();
        }
    }

    @Test
    void aTamperedSnapshotIsRefused() {
        for (Format format : FORMATS) {
            Bracket bracket = Play.playRandom(Brackets.start(format, Play.seeds(6)), new Random(3)).bracket();
            BracketSnapshot snapshot = bracket.snapshot();
            List<Pairing> pairings = new ArrayList<>(snapshot.pairings());
            int i = pairings.indexOf(pairings.stream().filter(Pairing::isDecided).findFirst().orElseThrow());
            Pairing p = pairings.get(i);
            // Swap the players of a decided pairing: the stored state no longer follows from the results.
            pairings.set(i, new Pairing(p.id(), p.round(), p.table(), p.away(), p.home(), p.state()));
            BracketSnapshot tampered = new BracketSnapshot(format, snapshot.seeds(), pairings);
            if (format instanceof Format.Swiss) {
                // Swiss pairings are history: swapping sides is a valid (different) history, so remove a round instead.
                List<Pairing> truncated = snapshot.pairings().stream().filter(x -> x.round().number() != 2).toList();
                tampered = new BracketSnapshot(format, snapshot.seeds(), truncated);
            }
            BracketSnapshot bad = tampered;
            assertReason(() -> Brackets.restore(bad), BracketException.Reason.INVALID_SNAPSHOT);
        }
    }
}
