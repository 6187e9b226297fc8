package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Double elimination for n players in a bracket of size S = 2^k.
 *
 * <ul>
 *   <li>Winners bracket: as single elimination, rounds 1..k ({@code W<r>-<t>}).</li>
 *   <li>Losers bracket, rounds 1..2k−2 ({@code L<r>-<t>}). Round 1 pairs the losers of winners round 1
 *       (tables 2t−1 and 2t). Even round 2j takes the winners of losers round 2j−1 (home) against the
 *       losers dropping from winners round j+1 (away). Odd round 2j+1 pairs the winners of round 2j among
 *       themselves.</li>
 *   <li>Drop-down order: the losers of winners round j+1 enter in reversed order when j is odd and with
 *       the two halves swapped when j is even. Both keep a dropped player away from the part of the losers
 *       bracket holding the players they have just met, so immediate rematches are avoided (for S ≥ 8
 *       none can happen in losers round 2).</li>
 *   <li>Grand final {@code GF1} (round 1 of FINAL): winners champion (home) against losers champion. If
 *       the losers champion wins, both have one loss and {@code GF2} (the bracket reset) is played;
 *       otherwise GF2 is skipped.</li>
 * </ul>
 * Byes of the first round propagate as empty slots: a losers-bracket pairing with one empty slot is a bye,
 * with two it is skipped.
 */
record DoubleEliminationLayout(int rounds, List<EliminationNode> nodes) implements EliminationLayout {

    static final PairingId GRAND_FINAL = PairingId.of("GF1");
    static final PairingId GRAND_FINAL_RESET = PairingId.of("GF2");

    static DoubleEliminationLayout of(int players) {
        int k = SeedingOrder.rounds(players);
        int size = 1 << k;
        List<EliminationNode> nodes = new ArrayList<>(SingleEliminationLayout.winnersBracket(k));
        if (k >= 2) {
            for (int t = 1; t <= size / 4; t++) {
                nodes.add(new EliminationNode(lid(1, t), Round.losers(1), t,
                        Source.loserOf(wid(1, 2 * t - 1)), Source.loserOf(wid(1, 2 * t)), false));
            }
            for (int j = 1; j <= k - 1; j++) {
                int tables = size >> (j + 1);
                for (int t = 1; t <= tables; t++) {
                    nodes.add(new EliminationNode(lid(2 * j, t), Round.losers(2 * j), t,
                            Source.winnerOf(lid(2 * j - 1, t)),
                            Source.loserOf(wid(j + 1, dropTable(j, t, tables))), false));
                }
                if (j <= k - 2) {
                    for (int t = 1; t <= tables / 2; t++) {
                        nodes.add(new EliminationNode(lid(2 * j + 1, t), Round.losers(2 * j + 1), t,
                                Source.winnerOf(lid(2 * j, 2 * t - 1)), Source.winnerOf(lid(2 * j, 2 * t)), false));
                    }
                }
            }
        }
        // With two players there is no losers bracket: the loser of the only match is its champion.
        Source losersChampion = k >= 2 ? Source.winnerOf(lid(2 * k - 2, 1)) : Source.loserOf(wid(1, 1));
        nodes.add(new EliminationNode(GRAND_FINAL, Round.grandFinal(1), 1,
                Source.winnerOf(wid(k, 1)), losersChampion, false));
        nodes.add(new EliminationNode(GRAND_FINAL_RESET, Round.grandFinal(2), 1,
                Source.loserOf(GRAND_FINAL), Source.winnerOf(GRAND_FINAL), true));
        return new DoubleEliminationLayout(k, List.copyOf(nodes));
    }

    /** Winners-round-(j+1) table whose loser drops into losers-round-2j table {@code t} (1-based). */
    static int dropTable(int j, int t, int tables) {
        if (j % 2 == 1) {
            return tables + 1 - t;
        }
        return (t - 1 + tables / 2) % tables + 1;
    }

    private static PairingId wid(int round, int table) {
        return SingleEliminationLayout.id(round, table);
    }

    private static PairingId lid(int round, int table) {
        return PairingId.of("L" + round + "-" + table);
    }

    /**
     * Losing in losers round r gives tier r; losing the grand final (GF1 as the losers champion, or GF2)
     * gives 2k−1, second place. A loss in the winners bracket, or the winners champion's loss in GF1, only
     * sends the player on.
     */
    @Override
    public Map<PlayerId, Integer> knockedOut(List<Pairing> pairings) {
        Map<PlayerId, Integer> tiers = new HashMap<>();
        int runnerUp = 2 * rounds - 1;
        for (Pairing p : pairings) {
            if (!p.isDecided()) {
                continue;
            }
            PlayerId loser = p.loser().orElseThrow();
            switch (p.round().side()) {
                case WINNERS -> { }
                case LOSERS -> tiers.put(loser, p.round().number());
                case FINAL -> {
                    if (p.id().equals(GRAND_FINAL_RESET) || p.outcome().orElseThrow() == Outcome.HOME_WIN) {
                        tiers.put(loser, runnerUp);
                    }
                }
            }
        }
        return tiers;
    }
}
