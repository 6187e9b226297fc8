package dev.arena.tournament.bracket;

import dev.arena.tournament.bracket.BracketException.Reason;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A layout with the lookups transitions need: node index by id, and for each node the nodes whose slots
 * it feeds. Immutable and shared by every state of one bracket.
 */
final class EliminationGraph {

    private final EliminationLayout layout;
    private final Map<PairingId, Integer> index;
    private final int[][] dependents;

    EliminationGraph(EliminationLayout layout) {
        this.layout = layout;
        List<EliminationNode> nodes = layout.nodes();
        Map<PairingId, Integer> byId = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            byId.put(nodes.get(i).id(), i);
        }
        List<List<Integer>> fed = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            fed.add(new ArrayList<>(2));
        }
        for (int i = 0; i < nodes.size(); i++) {
            for (Source source : List.of(nodes.get(i).home(), nodes.get(i).away())) {
                if (source instanceof Source.From from) {
                    int feeder = byId.get(from.pairing());
                    if (feeder >= i) {
                        throw new IllegalStateException("layout not in feeder-first order at " + nodes.get(i).id());
                    }
                    if (!fed.get(feeder).contains(i)) {
                        fed.get(feeder).add(i);
                    }
                }
            }
        }
        this.index = Map.copyOf(byId);
        this.dependents = fed.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    EliminationLayout layout() {
        return layout;
    }

    List<EliminationNode> nodes() {
        return layout.nodes();
    }

    int indexOf(PairingId id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new BracketException(Reason.UNKNOWN_PAIRING, "no pairing " + id + " in this bracket");
        }
        return i;
    }

    /** Every node that takes a player, directly or through other nodes, from node {@code i}; in bracket order. */
    List<Integer> downstreamOf(int i) {
        BitSet seen = new BitSet(dependents.length);
        List<Integer> stack = new ArrayList<>(List.of(i));
        while (!stack.isEmpty()) {
            int n = stack.removeLast();
            for (int d : dependents[n]) {
                if (!seen.get(d)) {
                    seen.set(d);
                    stack.add(d);
                }
            }
        }
        return seen.stream().boxed().toList();
    }
}
