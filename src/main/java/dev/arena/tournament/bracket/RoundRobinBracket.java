package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Round robin: the whole schedule is fixed at the start ({@link CircleSchedule}) and every pairing is
 * ready at once; rounds say which pairings belong together, and a service may hold later rounds back.
 * A bye (odd number of players) is a {@code Bye} pairing worth no points.
 *
 * <p>Correction: the schedule does not depend on results, so a correction only replaces the result and
 * changes the standings; nothing is ever reset.
 *
 * <p>Standings: points (see {@link Points}); then head-to-head, the points each player took in pairings
 * among all players with the same points (one pass, not re-applied to a smaller tied group); then game
 * difference over all pairings; then seed.
 */
public final class RoundRobinBracket implements Bracket {

    private final Format.RoundRobin format;
    private final SeriesRules rules;
    private final SeedList seeds;
    private final PairingList pairings;

    private RoundRobinBracket(Format.RoundRobin format, SeedList seeds, PairingList pairings) {
        this.format = format;
        this.rules = format.seriesRules();
        this.seeds = seeds;
        this.pairings = pairings;
    }

    static RoundRobinBracket start(Format.RoundRobin format, List<Seed> seeds) {
        SeedList list = SeedList.of(seeds);
        return new RoundRobinBracket(format, list, PairingList.of(CircleSchedule.of(list)));
    }

    @Override
    public Format.RoundRobin format() {
        return format;
    }

    @Override
    public List<Seed> seeds() {
        return seeds.seeds();
    }

    @Override
    public List<Pairing> pairings() {
        return pairings.pairings();
    }

    @Override
    public Pairing pairing(PairingId id) {
        return pairings.get(id);
    }

    @Override
    public RoundRobinBracket reportResult(PairingId id, Result result) {
        return new RoundRobinBracket(format, seeds, pairings.report(id, result, rules));
    }

    @Override
    public Correction correctResult(PairingId id, Result result) {
        return new Correction(new RoundRobinBracket(format, seeds, pairings.correct(id, result, rules)), List.of());
    }

    @Override
    public boolean isComplete() {
        return pairings().stream().allMatch(p -> p.state().isSettled());
    }

    @Override
    public List<Standing> standings() {
        Scores scores = Scores.of(pairings(), rules, format.points(), 0);
        Map<Integer, List<PlayerId>> byPoints = seeds.seeds().stream().map(Seed::player)
                .collect(Collectors.groupingBy(scores::points));
        Map<PlayerId, Integer> headToHead = new HashMap<>();
        for (List<PlayerId> group : byPoints.values()) {
            Set<PlayerId> tied = Set.copyOf(group);
            for (PlayerId player : group) {
                headToHead.put(player, scores.meetings(player).stream()
                        .filter(m -> tied.contains(m.opponent()))
                        .mapToInt(Scores.Meeting::pointsScored).sum());
            }
        }
        List<Seed> ordered = seeds.seeds().stream()
                .sorted(Comparator.<Seed>comparingInt(s -> scores.points(s.player())).reversed()
                        .thenComparing(Comparator.<Seed>comparingInt(s -> headToHead.get(s.player())).reversed())
                        .thenComparing(Comparator.<Seed>comparingInt(s -> scores.tally(s.player()).gameDifference()).reversed())
                        .thenComparingInt(Seed::rank))
                .toList();
        List<Standing> standings = new ArrayList<>(ordered.size());
        for (Seed seed : ordered) {
            PlayerId player = seed.player();
            Tally tally = scores.tally(player);
            standings.add(new Standing(standings.size() + 1, player, seed.rank(), scores.points(player), tally,
                    List.of(new TiebreakScore(Tiebreak.HEAD_TO_HEAD, headToHead.get(player)),
                            new TiebreakScore(Tiebreak.GAME_DIFFERENCE, tally.gameDifference()))));
        }
        return standings;
    }

    @Override
    public String toString() {
        return "RoundRobinBracket[" + format + ", " + seeds.size() + " players]";
    }
}
