package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Knock-out for n players in a bracket of size 2^k ≥ n. Seeds above n are byes; in standard seeding the
 * first-round opponent of seed s is 2^k + 1 − s, so the byes go to the top 2^k − n seeds and never meet
 * each other. Ids: {@code W<round>-<table>}, third-place match {@code 3RD} (round k, table 2).
 */
record SingleEliminationLayout(int rounds, List<EliminationNode> nodes) implements EliminationLayout {

    static final PairingId THIRD_PLACE = PairingId.of("3RD");

    static SingleEliminationLayout of(int players, boolean thirdPlaceMatch) {
        int rounds = SeedingOrder.rounds(players);
        List<EliminationNode> nodes = new ArrayList<>(winnersBracket(rounds));
        // With fewer than 4 players there are no semi-finals, so no third-place match.
        if (thirdPlaceMatch && rounds >= 2) {
            nodes.add(new EliminationNode(THIRD_PLACE, Round.winners(rounds), 2,
                    Source.loserOf(id(rounds - 1, 1)), Source.loserOf(id(rounds - 1, 2)), false));
        }
        return new SingleEliminationLayout(rounds, List.copyOf(nodes));
    }

    /** The winners bracket shared with double elimination: rounds 1..k, seeded by {@link SeedingOrder}. */
    static List<EliminationNode> winnersBracket(int rounds) {
        int size = 1 << rounds;
        int[] order = SeedingOrder.of(size);
        List<EliminationNode> nodes = new ArrayList<>(size);
        for (int round = 1; round <= rounds; round++) {
            for (int table = 1; table <= size >> round; table++) {
                Source home = round == 1
                        ? new Source.Seeded(order[2 * table - 2])
                        : Source.winnerOf(id(round - 1, 2 * table - 1));
                Source away = round == 1
                        ? new Source.Seeded(order[2 * table - 1])
                        : Source.winnerOf(id(round - 1, 2 * table));
                nodes.add(new EliminationNode(id(round, table), Round.winners(round), table, home, away, false));
            }
        }
        return nodes;
    }

    static PairingId id(int round, int table) {
        return PairingId.of("W" + round + "-" + table);
    }

    /**
     * Losing in round r gives tier 2r: everyone out in the same round shares a place. The third-place match
     * lifts its winner one tier above the other semi-final loser; without it both share third place.
     */
    @Override
    public Map<PlayerId, Integer> knockedOut(List<Pairing> pairings) {
        Map<PlayerId, Integer> tiers = new HashMap<>();
        for (Pairing p : pairings) {
            if (!p.isDecided()) {
                continue;
            }
            if (p.id().equals(THIRD_PLACE)) {
                tiers.merge(p.winner().orElseThrow(), 2 * (rounds - 1) + 1, Math::max);
            } else {
                tiers.merge(p.loser().orElseThrow(), 2 * p.round().number(), Math::max);
            }
        }
        return tiers;
    }
}
