package dev.arena.matchmaking;

import java.util.Comparator;
import java.util.List;

/**
 * The candidates of one constraint bucket (for example one region) sorted by rating, with removal in
 * near-constant time: removed slots are skipped through path-compressed "next alive" and "previous alive"
 * links, so scanning outward from a ticket never re-walks tickets already matched in this step.
 */
final class RatingIndex {
    private final Candidate[] byRating;
    /** next[i] == i while slot i is alive; a removed slot points right (eventually to n, "none"). */
    private final int[] next;
    /** prev[i] == i while slot i is alive; a removed slot points left (eventually to -1, "none"). */
    private final int[] prev;

    RatingIndex(List<Candidate> candidates) {
        byRating = candidates.toArray(Candidate[]::new);
        java.util.Arrays.sort(byRating,
                Comparator.comparingDouble((Candidate c) -> c.rating).thenComparingInt(c -> c.ageRank));
        next = new int[byRating.length];
        prev = new int[byRating.length];
        for (int i = 0; i < byRating.length; i++) {
            byRating[i].position = i;
            byRating[i].index = this;
            next[i] = i;
            prev[i] = i;
        }
    }

    void remove(Candidate c) {
        int i = c.position;
        next[i] = i + 1;
        prev[i] = i - 1;
    }

    /** Alive candidates in order of rating distance from {@code from} (excluding it), nearest first. */
    Scan scanFrom(Candidate from) {
        return new Scan(from);
    }

    private int nextAlive(int i) {
        int root = i;
        while (root < byRating.length && next[root] != root) {
            root = next[root];
        }
        while (i < byRating.length && i != root) {
            int t = next[i];
            next[i] = root;
            i = t;
        }
        return root;
    }

    private int prevAlive(int i) {
        int root = i;
        while (root >= 0 && prev[root] != root) {
            root = prev[root];
        }
        while (i >= 0 && i != root) {
            int t = prev[i];
            prev[i] = root;
            i = t;
        }
        return root;
    }

    /** Walks outward from one candidate; valid while nothing is removed from the index. */
    final class Scan {
        private final double origin;
        private int left;
        private int right;

        private Scan(Candidate from) {
            origin = from.rating;
            left = prevAlive(from.position - 1);
            right = nextAlive(from.position + 1);
        }

        /** The next nearest alive candidate, or null when both directions are exhausted. */
        Candidate next() {
            boolean hasLeft = left >= 0;
            boolean hasRight = right < byRating.length;
            if (!hasLeft && !hasRight) {
                return null;
            }
            boolean takeLeft;
            if (hasLeft && hasRight) {
                double dl = origin - byRating[left].rating;
                double dr = byRating[right].rating - origin;
                // equal distance: the older ticket first, as everywhere else
                takeLeft = dl < dr || (dl == dr && byRating[left].ageRank < byRating[right].ageRank);
            } else {
                takeLeft = hasLeft;
            }
            if (takeLeft) {
                Candidate c = byRating[left];
                left = prevAlive(left - 1);
                return c;
            }
            Candidate c = byRating[right];
            right = nextAlive(right + 1);
            return c;
        }
    }
}
