package dev.arena.tournament.bracket;

import dev.arena.common.PlayerId;
import java.util.List;
import java.util.Map;

/**
 * The fixed shape of an elimination bracket for a number of players: which pairings exist and where their
 * slots come from. Nodes are in bracket order, which is also a topological order (feeders first).
 */
sealed interface EliminationLayout permits SingleEliminationLayout, DoubleEliminationLayout {

    List<EliminationNode> nodes();

    /**
     * The tier reached by every player already knocked out (higher is better); players absent from the map
     * are still in contention, or the champion. Players of one tier share a place.
     */
    Map<PlayerId, Integer> knockedOut(List<Pairing> pairings);
}
