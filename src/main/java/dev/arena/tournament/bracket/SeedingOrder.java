package dev.arena.tournament.bracket;

/**
 * Standard bracket seeding: seed ranks in the order of the first-round slots of a bracket of {@code size}
 * (a power of two). Built by doubling: every seed {@code s} of the half-size order is followed by
 * {@code 2·half + 1 − s}, so 1 meets the last seed, and seeds 1 and 2 can only meet in the final, 1–4
 * only in the semi-finals, and so on. For 8: 1 8 4 5 2 7 3 6.
 */
final class SeedingOrder {

    private SeedingOrder() {
    }

    static int[] of(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("bracket size must be a power of two, got " + size);
        }
        int[] order = {1};
        while (order.length < size) {
            int next = order.length * 2;
            int[] doubled = new int[next];
            for (int i = 0; i < order.length; i++) {
                doubled[2 * i] = order[i];
                doubled[2 * i + 1] = next + 1 - order[i];
            }
            order = doubled;
        }
        return order;
    }

    /** Rounds of a knock-out for {@code players}: ceil(log2(players)). */
    static int rounds(int players) {
        return 32 - Integer.numberOfLeadingZeros(players - 1);
    }
}
