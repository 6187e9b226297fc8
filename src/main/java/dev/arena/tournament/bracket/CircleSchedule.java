package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Round-robin schedule by the circle method, in its polygon form: with N players (n, plus one "bye" when n
 * is odd), N−1 of them stand on the corners of a polygon and the last one in its centre. In round r
 * (0-based) the centre meets corner r and corner r+k meets corner r−k (mod N−1) for k = 1..N/2−1, which
 * pairs everyone with everyone exactly once over N−1 rounds.
 *
 * <p>Seed i (1-based) stands on corner i−1; the centre is seed N, or the bye when n is odd, so in round r
 * the player on corner r sits out. Home alternates: the centre is away in even rounds and home in odd
 * ones, and in pair (r+k, r−k) corner r−k is home when k is odd. This keeps every player's home and away
 * counts within one of each other. Tables are ordered by the better seed in the pairing, the bye last.
 */
final class CircleSchedule {

    private CircleSchedule() {
    }

    static List<Pairing> of(SeedList seeds) {
        int n = seeds.size();
        int players = n % 2 == 0 ? n : n + 1;
        int corners = players - 1;
        List<Pairing> schedule = new ArrayList<>();
        for (int r = 0; r < corners; r++) {
            List<int[]> pairs = new ArrayList<>(players / 2);
            // Ranks are 1-based; rank players (the centre) is the bye when n is odd.
            int centre = players;
            pairs.add(r % 2 == 0 ? new int[] {r + 1, centre} : new int[] {centre, r + 1});
            for (int k = 1; k < players / 2; k++) {
                int up = Math.floorMod(r + k, corners) + 1;
                int down = Math.floorMod(r - k, corners) + 1;
                pairs.add(k % 2 == 1 ? new int[] {down, up} : new int[] {up, down});
            }
            pairs.sort(Comparator.<int[]>comparingInt(pair -> Math.max(pair[0], pair[1]) > n ? 1 : 0)
                    .thenComparingInt(pair -> Math.min(pair[0], pair[1])));
            Round round = Round.winners(r + 1);
            for (int t = 0; t < pairs.size(); t++) {
                schedule.add(fixture(seeds, round, t + 1, pairs.get(t)[0], pairs.get(t)[1]));
            }
        }
        return List.copyOf(schedule);
    }

    private static Pairing fixture(SeedList seeds, Round round, int table, int homeRank, int awayRank) {
        PairingId id = PairingId.of("R" + round.number() + "-" + table);
        int n = seeds.size();
        if (homeRank > n || awayRank > n) {
            // The bye is always shown on the away side.
            PlayerId player = seeds.player(Math.min(homeRank, awayRank));
            return new Pairing(id, round, table, Slot.of(player), Slot.EMPTY, PairingState.BYE);
        }
        return new Pairing(id, round, table, Slot.of(seeds.player(homeRank)), Slot.of(seeds.player(awayRank)),
                PairingState.READY);
    }
}
