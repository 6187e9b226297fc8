package dev.arena.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RankedTreeTest {

    private record Pair(UUID id, double score) {}

    private static final Comparator<Pair> ORDER = (a, b) -> RankedTree.compare(a.score, a.id, b.score, b.id);

    @Test
    void staysBalancedAndOrderedThroughRandomInsertsAndDeletes() {
        Random random = new Random(99);
        RankedTree tree = new RankedTree();
        Map<UUID, Double> present = new HashMap<>();
        List<UUID> pool = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            pool.add(new UUID(random.nextLong(), random.nextLong()));
        }
        for (int step = 0; step < 20_000; step++) {
            UUID id = pool.get(random.nextInt(pool.size()));
            Double old = present.remove(id);
            if (old != null) {
                tree.delete(id, old);
            }
            if (old == null || random.nextBoolean()) {
                double score = random.nextInt(50);
                tree.insert(id, score);
                present.put(id, score);
            }
            if (step % 500 == 0) {
                tree.checkInvariants();
                assertMatches(tree, present);
            }
        }
        tree.checkInvariants();
        assertMatches(tree, present);
    }

    @Test
    void heightIsLogarithmicEvenForSortedInsertion() {
        RankedTree tree = new RankedTree();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            tree.insert(new UUID(0, i), i); // ascending scores: the worst case for an unbalanced tree
        }
        tree.checkInvariants();
        // AVL bound: height < 1.4405 log2(n + 2).
        assertThat(tree.height()).isLessThan((int) Math.ceil(1.4405 * Math.log(n + 2) / Math.log(2)));
        assertThat(tree.indexOf(new UUID(0, n - 1), n - 1)).isZero();
        assertThat(tree.indexOf(new UUID(0, 0), 0)).isEqualTo(n - 1);
    }

    @Test
    void forEachStartsAnywhereAndStopsAtTheLimit() {
        RankedTree tree = new RankedTree();
        for (int i = 0; i < 100; i++) {
            tree.insert(new UUID(0, i), i);
        }
        List<Integer> indexes = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        tree.forEach(37, 5, (index, id, score) -> {
            indexes.add(index);
            scores.add(score);
        });
        assertThat(indexes).containsExactly(37, 38, 39, 40, 41);
        assertThat(scores).containsExactly(62.0, 61.0, 60.0, 59.0, 58.0);

        List<Integer> tail = new ArrayList<>();
        tree.forEach(98, 10, (index, id, score) -> tail.add(index));
        assertThat(tail).containsExactly(98, 99);
    }

    private static void assertMatches(RankedTree tree, Map<UUID, Double> present) {
        List<Pair> expected = present.entrySet().stream()
                .map(e -> new Pair(e.getKey(), e.getValue())).sorted(ORDER).toList();
        List<Pair> actual = new ArrayList<>();
        tree.forEach(0, tree.size(), (index, id, score) -> actual.add(new Pair(id, score)));
        assertThat(actual).isEqualTo(expected);
        for (int i = 0; i < expected.size(); i += 37) {
            assertThat(tree.indexOf(expected.get(i).id, expected.get(i).score)).isEqualTo(i);
        }
    }
}
