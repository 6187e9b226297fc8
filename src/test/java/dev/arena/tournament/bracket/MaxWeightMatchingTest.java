package dev.arena.tournament.bracket;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MaxWeightMatchingTest {

    @Test
    void prefersTwoLightEdgesOnlyWhenAskedForMaximumCardinality() {
        List<MaxWeightMatching.Edge> edges = List.of(edge(1, 2, 5), edge(2, 3, 11), edge(3, 4, 5));
        assertThat(MaxWeightMatching.solve(5, edges, false)).containsExactly(-1, -1, 3, 2, -1);
        assertThat(MaxWeightMatching.solve(5, edges, true)).containsExactly(-1, 2, 1, 4, 3);
    }

    @Test
    void handlesNestedBlossoms() {
        // S-blossom inside a T-blossom which gets expanded (mwmatching's test "nested S-blossom, relabel as T").
        List<MaxWeightMatching.Edge> edges = List.of(edge(1, 2, 19), edge(1, 3, 20), edge(1, 8, 8), edge(2, 3, 25),
                edge(2, 4, 18), edge(3, 5, 18), edge(4, 5, 13), edge(4, 7, 7), edge(5, 6, 7));
        assertThat(MaxWeightMatching.solve(9, edges, false)).containsExactly(-1, 8, 3, 2, 7, 6, 5, 4, 1);
    }

    @Test
    void agreesWithBruteForceOnRandomGraphs() {
        Random random = new Random(20261125L);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + random.nextInt(10);
            double density = 0.2 + random.nextDouble() * 0.8;
            int maxWeight = 1 + random.nextInt(trial % 3 == 0 ? 3 : 40);
            List<MaxWeightMatching.Edge> edges = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                for (int v = u + 1; v < n; v++) {
                    if (random.nextDouble() < density) {
                        edges.add(edge(u, v, random.nextInt(maxWeight + 1) - (trial % 5 == 0 ? 5 : 0)));
                    }
                }
            }
            for (boolean maxCardinality : new boolean[] {false, true}) {
                int[] mate = MaxWeightMatching.solve(n, edges, maxCardinality);
                long[] expected = best(n, edges, maxCardinality);
                long[] actual = measure(mate, edges);
                if (!maxCardinality) {
                    // Zero-weight edges make the size of a heaviest matching ambiguous: compare weights only.
                    expected[0] = actual[0];
                }
                assertThat(actual).as("trial %d, n=%d, maxCardinality=%s, edges=%s", trial, n, maxCardinality, edges)
                        .containsExactly(expected);
            }
        }
    }

    @Test
    void keepsLargeWeightsExact() {
        long big = 1L << 52;
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + random.nextInt(9);
            List<MaxWeightMatching.Edge> edges = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                for (int v = u + 1; v < n; v++) {
                    edges.add(edge(u, v, big - random.nextInt(1000) * (1L << 30) - random.nextInt(1000)));
                }
            }
            int[] mate = MaxWeightMatching.solve(n, edges, true);
            assertThat(measure(mate, edges)).containsExactly(best(n, edges, true));
        }
    }

    private static MaxWeightMatching.Edge edge(int u, int v, long w) {
        return new MaxWeightMatching.Edge(u, v, w);
    }

    /** {cardinality if it matters, weight} of a valid matching; fails on an invalid one. */
    private static long[] measure(int[] mate, List<MaxWeightMatching.Edge> edges) {
        long weight = 0;
        int pairs = 0;
        Set<Long> used = new HashSet<>();
        for (int v = 0; v < mate.length; v++) {
            if (mate[v] >= 0) {
                assertThat(mate[mate[v]]).isEqualTo(v);
                if (mate[v] > v) {
                    pairs++;
                    int u = v;
                    MaxWeightMatching.Edge e = edges.stream()
                            .filter(x -> (x.u() == u && x.v() == mate[u]) || (x.v() == u && x.u() == mate[u]))
                            .findFirst().orElseThrow(() -> new AssertionError("matched along a missing edge"));
                    weight += e.weight();
                    assertThat(used.add((long) Math.min(u, mate[u]) * 1000 + Math.max(u, mate[u]))).isTrue();
                }
            }
        }
        return new long[] {pairs, weight};
    }

    /** Exhaustive optimum: {pairs, weight}; without maxCardinality, pairs of some heaviest matching. */
    private static long[] best(int n, List<MaxWeightMatching.Edge> edges, boolean maxCardinality) {
        long[] best = {0, 0};
        search(0, n, new boolean[n], edges, 0, 0, best, maxCardinality);
        return best;
    }

    private static void search(int v, int n, boolean[] used, List<MaxWeightMatching.Edge> edges, int pairs,
                               long weight, long[] best, boolean maxCardinality) {
        if (v == n) {
            boolean better = maxCardinality
                    ? pairs > best[0] || (pairs == best[0] && weight > best[1])
                    : weight > best[1];
            if (better) {
                best[0] = pairs;
                best[1] = weight;
            }
            return;
        }
        if (used[v]) {
            search(v + 1, n, used, edges, pairs, weight, best, maxCardinality);
            return;
        }
        search(v + 1, n, used, edges, pairs, weight, best, maxCardinality);
        for (MaxWeightMatching.Edge e : edges) {
            int other = e.u() == v ? e.v() : e.v() == v ? e.u() : -1;
            if (other > v && !used[other]) {
                used[v] = true;
                used[other] = true;
                search(v + 1, n, used, edges, pairs + 1, weight + e.weight(), best, maxCardinality);
                used[v] = false;
                used[other] = false;
            }
        }
    }
}
