package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import dev.arena.tournament.bracket.BracketException.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Single or double elimination. The state is the fixed layout plus the reported results; who sits in
 * each pairing is derived from them, so a correction only has to drop results, never move players. A
 * transition re-derives only the pairings downstream of the one that changed.
 *
 * <p>Correction: replacing a result with one of the same winner changes nothing else. Replacing it with
 * the other winner changes the players of the pairings its winner and loser move on to, so every decided
 * pairing downstream of it (transitively, through winner and loser slots, including the grand-final
 * reset) loses its result; exactly those are returned as reset.
 */
public final class EliminationBracket implements Bracket {

    private final Format format;
    private final SeriesRules rules;
    private final SeedList seeds;
    private final EliminationGraph graph;
    /** Derived pairings in layout order; decided ones carry their result, which is the whole state. */
    private final List<Pairing> pairings;

    private EliminationBracket(Format format, SeedList seeds, EliminationGraph graph, Pairing[] pairings) {
        this.format = format;
        this.rules = format.seriesRules();
        this.seeds = seeds;
        this.graph = graph;
        this.pairings = List.of(pairings);
    }

    /** A bracket without results: every pairing derived from the seeds alone. */
    private EliminationBracket(Format format, SeedList seeds, EliminationGraph graph) {
        this.format = format;
        this.rules = format.seriesRules();
        this.seeds = seeds;
        this.graph = graph;
        Pairing[] out = new Pairing[graph.nodes().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = resolve(i, out, null);
        }
        this.pairings = List.of(out);
    }

    static EliminationBracket start(Format.SingleElimination format, List<Seed> seeds) {
        SeedList list = SeedList.of(seeds);
        var layout = SingleEliminationLayout.of(list.size(), format.thirdPlaceMatch());
        return new EliminationBracket(format, list, new EliminationGraph(layout));
    }

    static EliminationBracket start(Format.DoubleElimination format, List<Seed> seeds) {
        SeedList list = SeedList.of(seeds);
        return new EliminationBracket(format, list, new EliminationGraph(DoubleEliminationLayout.of(list.size())));
    }

    @Override
    public Format format() {
        return format;
    }

    @Override
    public List<Seed> seeds() {
        return seeds.seeds();
    }

    @Override
    public List<Pairing> pairings() {
        return pairings;
    }

    @Override
    public Pairing pairing(PairingId id) {
        return pairings.get(graph.indexOf(id));
    }

    @Override
    public EliminationBracket reportResult(PairingId id, Result result) {
        Pairing pairing = pairing(id);
        switch (pairing.state()) {
            case PairingState.Ready r -> { }
            case PairingState.Decided d -> throw new BracketException(Reason.ALREADY_DECIDED,
                    id + " already has a result; an organiser can correct it");
            default -> throw new BracketException(Reason.NOT_READY, id + " is not ready: " + pairing.state());
        }
        Pairing[] next = pairings.toArray(Pairing[]::new);
        int index = graph.indexOf(id);
        next[index] = pairing.withState(new PairingState.Decided(result, rules.outcome(result)));
        // Only pairings fed by this one can change; all of them were waiting for it, so none has a result.
        for (int d : graph.downstreamOf(index)) {
            next[d] = resolve(d, next, null);
        }
        return new EliminationBracket(format, seeds, graph, next);
    }

    @Override
    public Correction correctResult(PairingId id, Result result) {
        int index = graph.indexOf(id);
        if (!(pairings.get(index).state() instanceof PairingState.Decided decided)) {
            throw new BracketException(Reason.NOT_DECIDED, id + " has no result to correct");
        }
        Outcome outcome = rules.outcome(result);
        Pairing[] next = pairings.toArray(Pairing[]::new);
        next[index] = next[index].withState(new PairingState.Decided(result, outcome));
        List<PairingId> reset = new ArrayList<>();
        if (outcome != decided.outcome()) {
            for (int d : graph.downstreamOf(index)) {
                if (next[d].isDecided()) {
                    reset.add(next[d].id());
                }
                next[d] = resolve(d, next, null);
            }
        }
        return new Correction(new EliminationBracket(format, seeds, graph, next), reset);
    }

    @Override
    public boolean isComplete() {
        return pairings.stream().allMatch(p -> p.state().isSettled());
    }

    /**
     * Placement standings: the champion first, then players by the round they were knocked out in (later is
     * better); players knocked out in the same round share a place. Players still in contention share the
     * best place not yet taken. Points are always 0 and there are no tiebreaks beyond the seed order of
     * rows within a shared place.
     */
    @Override
    public List<Standing> standings() {
        Map<PlayerId, Integer> tiers = graph.layout().knockedOut(pairings);
        Map<PlayerId, Tally> tallies = Tallies.of(pairings, rules);
        List<Seed> ordered = seeds.seeds().stream()
                .sorted(Comparator.<Seed>comparingInt(s -> tiers.getOrDefault(s.player(), Integer.MAX_VALUE))
                        .reversed().thenComparingInt(Seed::rank))
                .toList();
        List<Standing> standings = new ArrayList<>(ordered.size());
        int place = 1;
        for (int i = 0; i < ordered.size(); i++) {
            Seed seed = ordered.get(i);
            int tier = tiers.getOrDefault(seed.player(), Integer.MAX_VALUE);
            if (i > 0 && tier != tiers.getOrDefault(ordered.get(i - 1).player(), Integer.MAX_VALUE)) {
                place = i + 1;
            }
            standings.add(new Standing(place, seed.player(), seed.rank(), 0,
                    tallies.getOrDefault(seed.player(), Tally.EMPTY), List.of()));
        }
        return standings;
    }

    /**
     * Derives pairing {@code i} from its feeders in {@code out} (all earlier in layout order) and the
     * result to keep for it, if any.
     */
    private Pairing resolve(int i, Pairing[] out, Result result) {
        EliminationNode node = graph.nodes().get(i);
        if (node.resetMatch() && resetNotNeeded(node, out)) {
            return new Pairing(node.id(), node.round(), node.table(), Slot.EMPTY, Slot.EMPTY, PairingState.SKIPPED);
        }
        Slot home = slot(node.home(), out);
        Slot away = slot(node.away(), out);
        return new Pairing(node.id(), node.round(), node.table(), home, away, state(home, away, result));
    }

    /** The reset is not played when the winners champion (home of the first final) won that final. */
    private boolean resetNotNeeded(EliminationNode node, Pairing[] out) {
        Source.From from = (Source.From) node.away();
        return out[graph.indexOf(from.pairing())].outcome().orElse(null) == Outcome.HOME_WIN;
    }

    private PairingState state(Slot home, Slot away, Result result) {
        if (home instanceof Slot.Awaiting || away instanceof Slot.Awaiting) {
            return PairingState.PENDING;
        }
        boolean homeEmpty = home instanceof Slot.Empty;
        boolean awayEmpty = away instanceof Slot.Empty;
        if (homeEmpty && awayEmpty) {
            return PairingState.SKIPPED;
        }
        if (homeEmpty || awayEmpty) {
            return PairingState.BYE;
        }
        return result == null ? PairingState.READY : new PairingState.Decided(result, rules.outcome(result));
    }

    private Slot slot(Source source, Pairing[] out) {
        return switch (source) {
            case Source.Seeded seeded -> seeded.rank() <= seeds.size() ? Slot.of(seeds.player(seeded.rank())) : Slot.EMPTY;
            case Source.From from -> {
                Pairing feeder = out[graph.indexOf(from.pairing())];
                yield switch (feeder.state()) {
                    case PairingState.Pending p -> new Slot.Awaiting(from.pairing(), from.feed());
                    case PairingState.Ready r -> new Slot.Awaiting(from.pairing(), from.feed());
                    // A bye's winner is its only player and its loser nobody; a skipped pairing has neither.
                    case PairingState.Bye b -> from.feed() == Feed.WINNER ? Slot.of(feeder.winner().orElseThrow()) : Slot.EMPTY;
                    case PairingState.Skipped s -> Slot.EMPTY;
                    case PairingState.Decided d -> Slot.of((from.feed() == Feed.WINNER ? feeder.winner() : feeder.loser()).orElseThrow());
                };
            }
        };
    }

    @Override
    public String toString() {
        return "EliminationBracket[" + format + ", " + seeds.size() + " players]";
    }
}
