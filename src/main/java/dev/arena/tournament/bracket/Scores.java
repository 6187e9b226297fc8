package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points and meetings of every player over the decided pairings and byes of a points format (round robin,
 * Swiss): the raw material of standings, tiebreaks and Swiss pairing.
 */
final class Scores {

    /** One decided pairing from a player's side: who they met and how many points they took from it. */
    record Meeting(PlayerId opponent, int pointsScored) {
    }

    private final Map<PlayerId, Integer> points = new HashMap<>();
    private final Map<PlayerId, List<Meeting>> meetings = new HashMap<>();
    private final Map<PlayerId, Tally> tallies;

    private Scores(List<Pairing> pairings, SeriesRules rules, Points scheme, int byePoints) {
        this.tallies = Tallies.of(pairings, rules);
        for (Pairing p : pairings) {
            switch (p.state()) {
                case PairingState.Decided d -> {
                    PlayerId home = p.homePlayer().orElseThrow();
                    PlayerId away = p.awayPlayer().orElseThrow();
                    int homePoints = scheme.of(d.outcome(), Side.HOME);
                    int awayPoints = scheme.of(d.outcome(), Side.AWAY);
                    points.merge(home, homePoints, Integer::sum);
                    points.merge(away, awayPoints, Integer::sum);
                    meetings.computeIfAbsent(home, k -> new ArrayList<>()).add(new Meeting(away, homePoints));
                    meetings.computeIfAbsent(away, k -> new ArrayList<>()).add(new Meeting(home, awayPoints));
                }
                case PairingState.Bye b -> points.merge(p.winner().orElseThrow(), byePoints, Integer::sum);
                default -> { }
            }
        }
    }

    static Scores of(List<Pairing> pairings, SeriesRules rules, Points scheme, int byePoints) {
        return new Scores(pairings, rules, scheme, byePoints);
    }

    int points(PlayerId player) {
        return points.getOrDefault(player, 0);
    }

    List<Meeting> meetings(PlayerId player) {
        return meetings.getOrDefault(player, List.of());
    }

    Tally tally(PlayerId player) {
        return tallies.getOrDefault(player, Tally.EMPTY);
    }

    /** Sum of the points of every opponent met (byes have no opponent and add nothing). */
    int buchholz(PlayerId player) {
        return meetings(player).stream().mapToInt(m -> points(m.opponent())).sum();
    }

    /** Sum over opponents of (points scored against them × their points): beating strong players counts most. */
    int sonnebornBerger(PlayerId player) {
        return meetings(player).stream().mapToInt(m -> m.pointsScored() * points(m.opponent())).sum();
    }
}
