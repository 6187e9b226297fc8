package dev.arena.tournament.bracket;

import dev.arena.tournament.bracket.BracketException.Reason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable list of explicitly stored pairings (round robin, Swiss) with lookup by id and the two
 * result transitions they share.
 */
record PairingList(List<Pairing> pairings, Map<PairingId, Integer> index) {

    static PairingList of(List<Pairing> pairings) {
        Map<PairingId, Integer> index = new HashMap<>();
        for (int i = 0; i < pairings.size(); i++) {
            if (index.put(pairings.get(i).id(), i) != null) {
                throw new BracketException(Reason.INVALID_SNAPSHOT, "pairing id " + pairings.get(i).id() + " repeated");
            }
        }
        return new PairingList(List.copyOf(pairings), Map.copyOf(index));
    }

    Pairing get(PairingId id) {
        Integer i = index.get(id);
        if (i == null) {
            throw new BracketException(Reason.UNKNOWN_PAIRING, "no pairing " + id + " in this bracket");
        }
        return pairings.get(i);
    }

    /** The list with the first result of a ready pairing recorded. */
    PairingList report(PairingId id, Result result, SeriesRules rules) {
        Pairing pairing = get(id);
        switch (pairing.state()) {
            case PairingState.Ready r -> { }
            case PairingState.Decided d -> throw new BracketException(Reason.ALREADY_DECIDED,
                    id + " already has a result; an organiser can correct it");
            default -> throw new BracketException(Reason.NOT_READY, id + " is not ready: " + pairing.state());
        }
        return replace(pairing.withState(new PairingState.Decided(result, rules.outcome(result))));
    }

    /** The list with the result of a decided pairing replaced. */
    PairingList correct(PairingId id, Result result, SeriesRules rules) {
        Pairing pairing = get(id);
        if (!pairing.isDecided()) {
            throw new BracketException(Reason.NOT_DECIDED, id + " has no result to correct");
        }
        return replace(pairing.withState(new PairingState.Decided(result, rules.outcome(result))));
    }

    private PairingList replace(Pairing pairing) {
        List<Pairing> next = new ArrayList<>(pairings);
        next.set(index.get(pairing.id()), pairing);
        // Same ids at the same positions: the index can be shared.
        return new PairingList(List.copyOf(next), index);
    }
}
