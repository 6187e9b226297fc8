package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import dev.arena.tournament.bracket.BracketException.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Swiss system: {@code rounds} rounds, each paired by {@link SwissPairer} from the results of all earlier
 * rounds as soon as the previous round is complete (round 1 at the start). Pairing ids are
 * {@code S<round>-<table>}; a bye is the last table, scores a win's points and counts as no game.
 *
 * <p>Correction, following the arbiters' rule that pairings already in play are never changed:
 * <ul>
 *   <li>a pairing of the latest round: the result is replaced, nothing else changes;</li>
 *   <li>a pairing of the round before it, while no pairing of the latest round has a result: the result is
 *       replaced and the latest round is paired again; its pairings whose players changed are returned as
 *       reset (ids are reused by table);</li>
 *   <li>any older pairing, or once the latest round has a result: the result and therefore points and
 *       tiebreaks change, but the pairings made since stand; nothing is reset.</li>
 * </ul>
 *
 * <p>Standings: points; Buchholz (sum of opponents' points); Sonneborn-Berger (sum over opponents of
 * points scored against them × their points); seed. Byes add nothing to either tiebreak; walkovers count
 * as played pairings for points, tiebreaks and rematch avoidance.
 */
public final class SwissBracket implements Bracket {

    private final Format.Swiss format;
    private final SeriesRules rules;
    private final SeedList seeds;
    private final PairingList pairings;
    private final int currentRound;

    private SwissBracket(Format.Swiss format, SeedList seeds, PairingList pairings, int currentRound) {
        this.format = format;
        this.rules = format.seriesRules();
        this.seeds = seeds;
        this.pairings = pairings;
        this.currentRound = currentRound;
    }

    static SwissBracket start(Format.Swiss format, List<Seed> seeds) {
        SeedList list = SeedList.of(seeds);
        checkRounds(format, list.size());
        return new SwissBracket(format, list, PairingList.of(List.of()), 0).withNextRound();
    }

    /** Every player can meet a new opponent each round (with at most one bye each) only this long. */
    static int maxRounds(int players) {
        return players % 2 == 0 ? players - 1 : players;
    }

    private static void checkRounds(Format.Swiss format, int players) {
        if (format.rounds() > maxRounds(players)) {
            throw new BracketException(Reason.INVALID_FORMAT, format.rounds() + " Swiss rounds for " + players
                    + " players; at most " + maxRounds(players) + " without forced rematches or second byes");
        }
    }

    static SwissBracket restore(Format.Swiss format, List<Seed> seeds, List<Pairing> stored) {
        SeedList list = SeedList.of(seeds);
        checkRounds(format, list.size());
        SeriesRules rules = format.seriesRules();
        int lastRound = 0;
        for (Pairing p : stored) {
            int r = p.round().number();
            if (p.round().side() != BracketSide.WINNERS || r < lastRound || r > lastRound + 1 || r > format.rounds()) {
                throw invalid("rounds out of order at " + p.id());
            }
            if (r > lastRound && lastRound > 0 && !roundSettled(stored, lastRound)) {
                throw invalid("round " + (lastRound + 1) + " stored before round " + lastRound + " was complete");
            }
            lastRound = r;
            checkPairing(p, list, rules);
        }
        for (int r = 1; r <= lastRound; r++) {
            int round = r;
            Set<PlayerId> seen = new HashSet<>();
            for (Pairing p : stored) {
                if (p.round().number() == round && !p.players().stream().allMatch(seen::add)) {
                    throw invalid("a player is paired twice in round " + round);
                }
            }
            if (seen.size() != list.size()) {
                throw invalid("round " + round + " does not pair every player");
            }
        }
        if (lastRound == 0 || (roundSettled(stored, lastRound) && lastRound < format.rounds())) {
            throw invalid("the next round should have been paired");
        }
        return new SwissBracket(format, list, PairingList.of(stored), lastRound);
    }

    private static void checkPairing(Pairing p, SeedList seeds, SeriesRules rules) {
        p.players().forEach(seeds::rank);
        boolean pairOfPlayers = p.homePlayer().isPresent() && p.awayPlayer().isPresent();
        boolean ok = switch (p.state()) {
            case PairingState.Ready r -> pairOfPlayers;
            case PairingState.Decided d -> pairOfPlayers && rules.outcome(d.result()) == d.outcome();
            case PairingState.Bye b -> p.homePlayer().isPresent() && p.away() instanceof Slot.Empty;
            case PairingState.Pending x -> false;
            case PairingState.Skipped x -> false;
        };
        if (!ok) {
            throw invalid("pairing " + p.id() + " is not a valid Swiss pairing: " + p);
        }
    }

    private static BracketException invalid(String why) {
        return new BracketException(Reason.INVALID_SNAPSHOT, why);
    }

    private static boolean roundSettled(List<Pairing> pairings, int round) {
        return pairings.stream().filter(p -> p.round().number() == round).allMatch(p -> p.state().isSettled());
    }

    @Override
    public Format.Swiss format() {
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

    /** The latest round paired so far (1..rounds). */
    public int currentRound() {
        return currentRound;
    }

    @Override
    public SwissBracket reportResult(PairingId id, Result result) {
        SwissBracket next = new SwissBracket(format, seeds, pairings.report(id, result, rules), currentRound);
        boolean roundDone = roundSettled(next.pairings(), currentRound);
        return roundDone && currentRound < format.rounds() ? next.withNextRound() : next;
    }

    @Override
    public Correction correctResult(PairingId id, Result result) {
        int round = pairings.get(id).round().number();
        PairingList corrected = pairings.correct(id, result, rules);
        boolean latestUnplayed = corrected.pairings().stream()
                .noneMatch(p -> p.round().number() == currentRound && p.isDecided());
        if (round != currentRound - 1 || !latestUnplayed) {
            return new Correction(new SwissBracket(format, seeds, corrected, currentRound), List.of());
        }
        List<Pairing> history = corrected.pairings().stream().filter(p -> p.round().number() < currentRound).toList();
        List<Pairing> repaired = pairRound(currentRound, history);
        Map<PairingId, Pairing> repairedById = new HashMap<>();
        repaired.forEach(p -> repairedById.put(p.id(), p));
        List<PairingId> reset = new ArrayList<>();
        for (Pairing old : pairings.pairings()) {
            if (old.round().number() != currentRound) {
                continue;
            }
            Pairing now = repairedById.get(old.id());
            if (now == null || !now.home().equals(old.home()) || !now.away().equals(old.away())) {
                reset.add(old.id());
            }
        }
        List<Pairing> all = new ArrayList<>(history);
        all.addAll(repaired);
        return new Correction(new SwissBracket(format, seeds, PairingList.of(all), currentRound), reset);
    }

    @Override
    public boolean isComplete() {
        return currentRound == format.rounds() && roundSettled(pairings(), currentRound);
    }

    @Override
    public List<Standing> standings() {
        Scores scores = scores(pairings());
        List<Standing> rows = new ArrayList<>(seeds.size());
        for (Seed seed : seeds.seeds()) {
            PlayerId player = seed.player();
            rows.add(new Standing(0, player, seed.rank(), scores.points(player), scores.tally(player), List.of(
                    new TiebreakScore(Tiebreak.BUCHHOLZ, scores.buchholz(player)),
                    new TiebreakScore(Tiebreak.SONNEBORN_BERGER, scores.sonnebornBerger(player)))));
        }
        rows.sort(Comparator.comparingInt(Standing::points).reversed()
                .thenComparing(Comparator.<Standing>comparingInt(s -> s.tiebreak(Tiebreak.BUCHHOLZ)).reversed())
                .thenComparing(Comparator.<Standing>comparingInt(s -> s.tiebreak(Tiebreak.SONNEBORN_BERGER)).reversed())
                .thenComparingInt(Standing::seed));
        List<Standing> standings = new ArrayList<>(rows.size());
        for (Standing row : rows) {
            standings.add(new Standing(standings.size() + 1, row.player(), row.seed(), row.points(), row.tally(),
                    row.tiebreaks()));
        }
        return standings;
    }

    private Scores scores(List<Pairing> history) {
        return Scores.of(history, rules, format.points(), format.points().win());
    }

    private SwissBracket withNextRound() {
        List<Pairing> all = new ArrayList<>(pairings());
        all.addAll(pairRound(currentRound + 1, pairings()));
        return new SwissBracket(format, seeds, PairingList.of(all), currentRound + 1);
    }

    /** Pairings of {@code round} from the (complete) earlier rounds in {@code history}. */
    private List<Pairing> pairRound(int round, List<Pairing> history) {
        Scores scores = scores(history);
        Map<PlayerId, Set<PlayerId>> met = new HashMap<>();
        Map<PlayerId, Integer> homeMinusAway = new HashMap<>();
        Map<PlayerId, Side> lastSide = new HashMap<>();
        Set<PlayerId> hadBye = new HashSet<>();
        for (Pairing p : history) {
            if (p.state() instanceof PairingState.Bye) {
                hadBye.add(p.homePlayer().orElseThrow());
                continue;
            }
            PlayerId home = p.homePlayer().orElseThrow();
            PlayerId away = p.awayPlayer().orElseThrow();
            met.computeIfAbsent(home, k -> new HashSet<>()).add(away);
            met.computeIfAbsent(away, k -> new HashSet<>()).add(home);
            homeMinusAway.merge(home, 1, Integer::sum);
            homeMinusAway.merge(away, -1, Integer::sum);
            lastSide.put(home, Side.HOME);
            lastSide.put(away, Side.AWAY);
        }
        List<SwissPairer.Entrant> entrants = seeds.seeds().stream()
                .map(s -> new SwissPairer.Entrant(s.player(), s.rank(), scores.points(s.player()),
                        hadBye.contains(s.player()), homeMinusAway.getOrDefault(s.player(), 0),
                        Optional.ofNullable(lastSide.get(s.player()))))
                .toList();
        SwissPairer.Plan plan = SwissPairer.pair(entrants, met);
        Round r = Round.winners(round);
        List<Pairing> out = new ArrayList<>(plan.pairs().size() + 1);
        for (SwissPairer.Pair pair : plan.pairs()) {
            int table = out.size() + 1;
            out.add(new Pairing(PairingId.of("S" + round + "-" + table), r, table,
                    Slot.of(pair.home()), Slot.of(pair.away()), PairingState.READY));
        }
        plan.bye().ifPresent(player -> {
            int table = out.size() + 1;
            out.add(new Pairing(PairingId.of("S" + round + "-" + table), r, table,
                    Slot.of(player), Slot.EMPTY, PairingState.BYE));
        });
        return out;
    }

    @Override
    public String toString() {
        return "SwissBracket[" + format + ", " + seeds.size() + " players, round " + currentRound + "]";
    }
}
