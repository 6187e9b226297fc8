package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import dev.arena.tournament.bracket.BracketException.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pairs one Swiss round. Players are ranked by points, then seed (the pairing order; tiebreaks are for
 * standings only), and a score group is a run of players on the same points. The round is the
 * maximum-weight perfect matching ({@link MaxWeightMatching}) of a graph whose edge weights encode, in
 * strict priority order:
 * <ol>
 *   <li>as few rematches as possible (none whenever some pairing avoids them all);</li>
 *   <li>with an odd number of players, the bye to the lowest-ranked player who has not had one (a player
 *       who had a bye has no edge to the bye, so no one ever gets a second);</li>
 *   <li>the smallest sum of squared score differences between opponents, i.e. pair within score groups
 *       and float as few players, over as few points, as possible;</li>
 *   <li>a Dutch-like fold: within a group of size s, position i preferably meets position i + s/2 (top
 *       half against bottom half, in order); a player floating down preferably is the lowest of their group
 *       and meets the highest of the group below.</li>
 * </ol>
 * Each level's weight unit exceeds the largest possible total of all lower levels, so a better value on a
 * higher level always wins. Home goes to the player with fewer home games than away games, then to the
 * one who was away last, then to the higher-ranked.
 */
final class SwissPairer {

    /** A player as pairing sees them; {@code lastSide} is empty before their first played pairing. */
    record Entrant(PlayerId player, int seed, int points, boolean hadBye, int homeMinusAway, Optional<Side> lastSide) {
    }

    record Pair(PlayerId home, PlayerId away) {
    }

    /** Pairs in table order (best-ranked first) and the bye, if any. */
    record Plan(List<Pair> pairs, Optional<PlayerId> bye) {
    }

    private SwissPairer() {
    }

    static Plan pair(List<Entrant> entrants, Map<PlayerId, Set<PlayerId>> met) {
        List<Entrant> ranked = entrants.stream()
                .sorted(Comparator.comparingInt(Entrant::points).reversed().thenComparingInt(Entrant::seed))
                .toList();
        int m = ranked.size();
        int[] group = new int[m];
        int[] position = new int[m];
        int[] groupSize = new int[m];
        int start = 0;
        for (int i = 0; i < m; i++) {
            if (i > 0 && ranked.get(i).points() != ranked.get(i - 1).points()) {
                group[i] = group[i - 1] + 1;
                start = i;
            } else if (i > 0) {
                group[i] = group[i - 1];
            }
            position[i] = i - start;
        }
        for (int i = m - 1; i >= 0; i--) {
            groupSize[i] = (i == m - 1 || group[i + 1] != group[i]) ? position[i] + 1 : groupSize[i + 1];
        }
        long spread = ranked.get(0).points() - ranked.get(m - 1).points();
        Weights w = Weights.of(m, spread);

        List<MaxWeightMatching.Edge> edges = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Set<PlayerId> opponents = met.getOrDefault(ranked.get(i).player(), Set.of());
            for (int j = i + 1; j < m; j++) {
                long diff = ranked.get(i).points() - ranked.get(j).points();
                long fold = group[i] == group[j]
                        ? Math.abs((position[j] - position[i]) - groupSize[i] / 2)
                        : (groupSize[i] - 1 - position[i]) + position[j];
                long penalty = (opponents.contains(ranked.get(j).player()) ? w.rematch : 0)
                        + w.scoreDifference * diff * diff + fold;
                edges.add(new MaxWeightMatching.Edge(i, j, w.base - penalty));
            }
        }
        int byeVertex = m;
        if (m % 2 == 1) {
            for (int i = 0; i < m; i++) {
                if (!ranked.get(i).hadBye()) {
                    edges.add(new MaxWeightMatching.Edge(i, byeVertex, w.base - w.bye * (m - 1 - i)));
                }
            }
        }
        int[] mate = MaxWeightMatching.solve(m % 2 == 1 ? m + 1 : m, edges, true);

        List<Pair> pairs = new ArrayList<>(m / 2);
        Optional<PlayerId> bye = Optional.empty();
        for (int i = 0; i < m; i++) {
            if (mate[i] == -1) {
                throw new IllegalStateException("Swiss matching left " + ranked.get(i).player() + " unpaired");
            }
            if (m % 2 == 1 && mate[i] == byeVertex) {
                bye = Optional.of(ranked.get(i).player());
            } else if (mate[i] > i) {
                pairs.add(sides(ranked.get(i), ranked.get(mate[i])));
            }
        }
        return new Plan(List.copyOf(pairs), bye);
    }

    /** {@code higher} is the better-ranked of the two. */
    private static Pair sides(Entrant higher, Entrant lower) {
        if (higher.homeMinusAway() != lower.homeMinusAway()) {
            return higher.homeMinusAway() < lower.homeMinusAway()
                    ? new Pair(higher.player(), lower.player())
                    : new Pair(lower.player(), higher.player());
        }
        if (higher.lastSide().equals(Optional.of(Side.HOME)) && lower.lastSide().equals(Optional.of(Side.AWAY))) {
            return new Pair(lower.player(), higher.player());
        }
        return new Pair(higher.player(), lower.player());
    }

    /** Weight units of the priority levels, each larger than everything below it can add up to. */
    private record Weights(long base, long rematch, long bye, long scoreDifference) {

        static Weights of(int players, long spread) {
            try {
                long pairs = players / 2 + 1;
                long foldTotal = Math.multiplyExact(pairs, players);
                long scoreDifference = foldTotal + 1;
                long scoreTotal = Math.addExact(Math.multiplyExact(scoreDifference,
                        Math.multiplyExact(pairs, Math.multiplyExact(spread, spread))), foldTotal);
                long bye = scoreTotal + 1;
                long rematch = Math.addExact(Math.multiplyExact(bye, players), scoreTotal) + 1;
                // Every edge's penalty is below 2·rematch, so all weights stay positive; the matching
                // doubles weights internally, hence the headroom check.
                long base = Math.multiplyExact(rematch, 2);
                Math.multiplyExact(base, 4);
                return new Weights(base, rematch, bye, scoreDifference);
            } catch (ArithmeticException e) {
                throw new BracketException(Reason.INVALID_FORMAT,
                        "too many players or points for Swiss pairing weights: " + players + " players, spread " + spread);
            }
        }
    }
}
