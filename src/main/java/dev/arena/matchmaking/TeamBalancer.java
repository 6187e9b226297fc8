package dev.arena.matchmaking;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits the tickets of one match into teams without breaking a party, keeping team rating totals close.
 * Teams are always full, so equal totals mean equal averages.
 * <ul>
 *   <li>Two teams and at most {@value #EXHAUSTIVE_LIMIT} tickets: every split is tried and the one with the
 *       smallest difference wins (2v2 has at most 4 tickets, 5v5 at most 10: a few hundred splits).</li>
 *   <li>Otherwise greedy: largest party first, stronger first, each into the team with room and the lowest
 *       total. If that paints itself into a corner, any valid packing is used.</li>
 * </ul>
 */
final class TeamBalancer {
    static final int EXHAUSTIVE_LIMIT = 16;

    private TeamBalancer() {}

    /** Whether these ticket sizes fit into the teams without splitting any ticket (not necessarily filling them). */
    static boolean fits(List<Candidate> tickets, int teamCount, int teamSize) {
        int total = 0;
        boolean allSolo = true;
        for (Candidate c : tickets) {
            total += c.size;
            allSolo &= c.size == 1;
        }
        if (total > teamCount * teamSize) {
            return false;
        }
        return allSolo || pack(tickets, teamCount, teamSize) != null;
    }

    /** Team index (0-based) for each ticket, in the order given. The sizes must {@link #fits fit}. */
    static int[] assign(List<Candidate> tickets, int teamCount, int teamSize) {
        if (teamSize == 1) {
            int[] own = new int[tickets.size()];
            Arrays.setAll(own, i -> i);
            return own;
        }
        if (teamCount == 2 && tickets.size() <= EXHAUSTIVE_LIMIT) {
            return bestSplitOfTwo(tickets, teamSize);
        }
        int[] greedy = greedy(tickets, teamCount, teamSize);
        return greedy != null ? greedy : pack(tickets, teamCount, teamSize);
    }

    private static double total(Candidate c) {
        return c.rating * c.size;
    }

    private static int[] bestSplitOfTwo(List<Candidate> tickets, int teamSize) {
        int n = tickets.size();
        double all = 0;
        for (Candidate c : tickets) {
            all += total(c);
        }
        int bestMask = -1;
        double bestDiff = Double.POSITIVE_INFINITY;
        // Ticket 0 always goes to team 0: the mirrored split is the same match.
        for (int rest = 0; rest < 1 << (n - 1); rest++) {
            int mask = (rest << 1) | 1;
            int players = 0;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    players += tickets.get(i).size;
                    sum += total(tickets.get(i));
                }
            }
            if (players != teamSize) {
                continue;
            }
            double diff = Math.abs(sum - (all - sum));
            if (diff < bestDiff) {
                bestDiff = diff;
                bestMask = mask;
            }
        }
        if (bestMask < 0) {
            throw new IllegalStateException("tickets do not split into two teams of " + teamSize);
        }
        int[] team = new int[n];
        for (int i = 0; i < n; i++) {
            team[i] = (bestMask & (1 << i)) != 0 ? 0 : 1;
        }
        return team;
    }

    private static int[] greedy(List<Candidate> tickets, int teamCount, int teamSize) {
        Integer[] order = orderLargestFirst(tickets);
        int[] room = new int[teamCount];
        Arrays.fill(room, teamSize);
        double[] sum = new double[teamCount];
        int[] team = new int[tickets.size()];
        for (int i : order) {
            Candidate c = tickets.get(i);
            int best = -1;
            for (int t = 0; t < teamCount; t++) {
                if (room[t] >= c.size && (best < 0 || sum[t] < sum[best])) {
                    best = t;
                }
            }
            if (best < 0) {
                return null;
            }
            team[i] = best;
            room[best] -= c.size;
            sum[best] += total(c);
        }
        return team;
    }

    /** Any packing of the tickets into the teams (first-fit decreasing with backtracking), or null. */
    private static int[] pack(List<Candidate> tickets, int teamCount, int teamSize) {
        Integer[] order = orderLargestFirst(tickets);
        int[] room = new int[teamCount];
        Arrays.fill(room, teamSize);
        int[] team = new int[tickets.size()];
        return place(tickets, order, 0, room, team) ? team : null;
    }

    private static boolean place(List<Candidate> tickets, Integer[] order, int k, int[] room, int[] team) {
        if (k == order.length) {
            return true;
        }
        int size = tickets.get(order[k]).size;
        for (int t = 0; t < room.length; t++) {
            // Teams with the same room left are interchangeable: trying one of them is enough.
            if (room[t] < size || seenRoomBefore(room, t)) {
                continue;
            }
            room[t] -= size;
            team[order[k]] = t;
            if (place(tickets, order, k + 1, room, team)) {
                return true;
            }
            room[t] += size;
        }
        return false;
    }

    private static boolean seenRoomBefore(int[] room, int t) {
        for (int u = 0; u < t; u++) {
            if (room[u] == room[t]) {
                return true;
            }
        }
        return false;
    }

    private static Integer[] orderLargestFirst(List<Candidate> tickets) {
        Integer[] order = new Integer[tickets.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -tickets.get(i).size)
                .thenComparingDouble(i -> -tickets.get(i).rating));
        return order;
    }
}
